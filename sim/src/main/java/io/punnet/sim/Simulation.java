package io.punnet.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.punnet.detector.core.DetectorSettings;
import io.punnet.detector.core.PhiAccrualDetector;
import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.TimeoutLiveness;
import io.punnet.gossip.core.model.Endpoint;

/**
 * Many gossip nodes in one JVM on virtual time over a seeded network: the whole run is a pure
 * function of the seed (one {@link SplittableRandom} feeds the network and, split, every node).
 *
 * <pre>
 *   Simulation sim = Simulation.builder().seed(7).nodes(100).build();
 *   sim.start();                 // every node boots within the first round, joins via the seeds
 *   sim.runSeconds(30);
 *   sim.crash(5); sim.runSeconds(10);
 *   assert sim.everyRunningNodeSees(5, MemberStatus.DEAD);
 * </pre>
 */
public final class Simulation {

    private final long seed;
    private final EventLoop loop = new EventLoop();
    private final SplittableRandom random;
    private final SimNetwork network;
    private final GossipSettings settings;
    private final Supplier<Liveness> detectors;
    private final List<SimNode> nodes = new ArrayList<>();
    private final List<Endpoint> seeds = new ArrayList<>();
    private int nextAddress;
    private java.util.function.Consumer<Observed> observer;

    private Simulation(Builder b) {
        this.seed = b.seed;
        this.random = new SplittableRandom(b.seed);
        this.settings = b.settings;
        this.network = new SimNetwork(loop, random.split(), b.link, b.codec, b.settings.maxMessageBytes());
        DetectorSettings ds = b.detector;
        long timeout = b.settings.failureTimeoutNanos();
        if (b.liveness != null) {
            this.detectors = b.liveness;
        } else {
            this.detectors = ds == null ? () -> new TimeoutLiveness(timeout) : () -> new PhiAccrualDetector(ds);
        }
        for (int i = 0; i < b.nodes; i++) {
            SimNode n = new SimNode(nodeName(i), newAddress(), loop, network);
            nodes.add(n);
            if (i < b.seedCount) {
                seeds.add(n.endpoint());
            }
        }
    }

    /** The name of node {@code i}. */
    public static String nodeName(int i) {
        return "n" + i;
    }

    private Endpoint newAddress() {
        int a = nextAddress++;
        return new Endpoint("10." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255), 7946);
    }

    /** Boots every node at a random moment within the first round interval. */
    public Simulation start() {
        for (SimNode n : nodes) {
            SplittableRandom r = random.split();
            loop.schedule(r.nextLong(settings.roundIntervalNanos()), () -> n.boot(settings, r, detectors.get(), seeds, observer));
        }
        return this;
    }

    /**
     * Receives every cluster event of every node booted from now on (status changes, joins,
     * restarts...). Costs a snapshot per event: leave unset for speed runs.
     */
    public Simulation observe(java.util.function.Consumer<Observed> o) {
        this.observer = o;
        return this;
    }

    /** Runs the virtual time forward. */
    public void run(long nanos) {
        loop.runUntil(loop.now() + nanos);
    }

    /** Runs the virtual time forward by seconds. */
    public void runSeconds(double seconds) {
        run((long) (seconds * GossipSettings.SECOND));
    }

    /** Runs in steps of {@code stepNanos} until {@code done} holds or {@code maxNanos} passed; returns the time taken, or -1. */
    public long runUntil(java.util.function.BooleanSupplier done, long stepNanos, long maxNanos) {
        long start = loop.now();
        while (loop.now() - start <= maxNanos) {
            if (done.getAsBoolean()) {
                return loop.now() - start;
            }
            run(stepNanos);
        }
        return -1;
    }

    /** Crashes node {@code i} (no goodbye). */
    public void crash(int i) {
        nodes.get(i).crash();
    }

    /** Restarts a crashed node with a new generation, at a new address if asked. */
    public void restart(int i, boolean newAddress) {
        SimNode n = nodes.get(i);
        if (n.isRunning()) {
            n.crash();
        }
        if (newAddress) {
            n.moveTo(newAddress());
        }
        n.boot(settings, random.split(), detectors.get(), seeds, observer);
    }

    /** Pauses node {@code i} for {@code nanos} (as a GC pause or SIGSTOP). */
    public void pause(int i, long nanos) {
        SimNode n = nodes.get(i);
        n.pause();
        loop.schedule(nanos, n::resume);
    }

    /** Splits the cluster: the given nodes on one side, every other node on the other. */
    public void partition(Collection<Integer> side) {
        for (int i = 0; i < nodes.size(); i++) {
            network.group(nodes.get(i).name(), side.contains(i) ? 1 : 0);
        }
    }

    /** Ends every partition. */
    public void heal() {
        network.heal();
    }

    /** The network, for link settings. */
    public SimNetwork network() {
        return network;
    }

    /** Node {@code i}. */
    public SimNode node(int i) {
        return nodes.get(i);
    }

    /** Every node. */
    public List<SimNode> nodes() {
        return nodes;
    }

    /** Virtual time now, ns. */
    public long now() {
        return loop.now();
    }

    /** The seed of this run. */
    public long seed() {
        return seed;
    }

    /** The event loop (for figures). */
    public EventLoop loop() {
        return loop;
    }

    /** True if every running node sees node {@code i} with the status. */
    public boolean everyRunningNodeSees(int i, MemberStatus status) {
        String name = nodes.get(i).name();
        for (SimNode n : nodes) {
            if (n.isRunning() && n != nodes.get(i) && n.gossip().statusOf(name) != status) {
                return false;
            }
        }
        return true;
    }

    /** True if every running node on one side sees every node of the other side with the status. */
    public boolean everyRunningNodeSeesAcross(Collection<Integer> side, MemberStatus status) {
        for (int i = 0; i < nodes.size(); i++) {
            SimNode n = nodes.get(i);
            if (!n.isRunning()) {
                continue;
            }
            for (int j = 0; j < nodes.size(); j++) {
                if (side.contains(i) != side.contains(j) && n.gossip().statusOf(nodes.get(j).name()) != status) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True if every running node sees every other running node ALIVE with its current generation. */
    public boolean allRunningAgree() {
        for (SimNode n : nodes) {
            if (!n.isRunning()) {
                continue;
            }
            for (SimNode m : nodes) {
                if (m == n || !m.isRunning()) {
                    continue;
                }
                if (n.gossip().statusOf(m.name()) != MemberStatus.ALIVE) {
                    return false;
                }
                if (n.gossip().stateOf(m.name()).heartbeat().generation() != m.gossip().generation()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A builder; every field has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a simulation. */
    public static final class Builder {
        private long seed = 1;
        private int nodes = 10;
        private int seedCount = 3;
        private GossipSettings settings = GossipSettings.defaults();
        private DetectorSettings detector = DetectorSettings.defaults();
        private LinkSpec link = LinkSpec.lan();
        private boolean codec;
        private Supplier<Liveness> liveness;

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder nodes(int n) {
            this.nodes = n;
            return this;
        }

        public Builder seedNodes(int n) {
            this.seedCount = n;
            return this;
        }

        public Builder settings(GossipSettings s) {
            this.settings = s;
            return this;
        }

        /** The phi accrual detector's settings, or null for the engine's timeout fallback. */
        public Builder detector(DetectorSettings d) {
            this.detector = d;
            return this;
        }

        /** The default detector with a smaller window (saves memory in big runs: N² windows). */
        public Builder detectorWindow(int samples) {
            DetectorSettings d = DetectorSettings.defaults();
            this.detector = new DetectorSettings(samples, d.threshold(), d.minStdDeviationMs(),
                    d.acceptableHeartbeatPauseMs(), d.firstHeartbeatEstimateMs(), d.maxIntervalMs(), d.maxLocalPauseMs());
            return this;
        }

        public Builder link(LinkSpec l) {
            this.link = l;
            return this;
        }

        /** A factory of the Liveness each node consults (overrides {@link #detector}). */
        public Builder liveness(Supplier<Liveness> factory) {
            this.liveness = factory;
            return this;
        }

        /** Round-trip every message through the real wire codec. */
        public Builder codec(boolean on) {
            this.codec = on;
            return this;
        }

        public Simulation build() {
            return new Simulation(this);
        }
    }
}
