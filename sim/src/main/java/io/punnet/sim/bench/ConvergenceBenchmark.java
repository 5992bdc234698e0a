package io.punnet.sim.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.punnet.detector.core.DetectorSettings;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.message.MessageType;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.sim.LinkSpec;
import io.punnet.sim.SimNode;
import io.punnet.sim.Simulation;
import io.punnet.sim.TrafficStats;

/**
 * The simulator's figures: rounds to convergence against N, idle bandwidth per node and per message
 * type, detection time after a crash, and the simulator's own speed. Not a test: run it with
 * <pre>
 *   mvn -q -o -pl sim exec:java -Dexec.mainClass=io.punnet.sim.bench.ConvergenceBenchmark [-Dexec.args=--full]
 * </pre>
 * {@code --full} adds N=1,000 convergence, 1,000 nodes for 10 virtual minutes and N=10,000 (minutes
 * of wall time). Every figure is a pure function of the seeds printed.
 */
public final class ConvergenceBenchmark {

    private static final long SECOND = GossipSettings.SECOND;

    private ConvergenceBenchmark() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        boolean full = List.of(args).contains("--full");
        GossipSettings g = GossipSettings.defaults();
        DetectorSettings d = DetectorSettings.defaults();
        System.out.printf("# Punnet gossip simulator figures (virtual time, seeded; %d ms rounds, fanout %d, k %d, quorum %.2f;"
                + " detector floor %d ms, pause %d ms, threshold %.0f)%n", g.roundIntervalNanos() / 1_000_000, g.rumorFanout(),
                g.confirmations(), g.confirmationQuorum(), d.minStdDeviationMs(), d.acceptableHeartbeatPauseMs(), d.threshold());
        bandwidth(10);
        bandwidth(20);
        detection(10, 10);
        detection(20, 10);
        convergence(10, 0, 10);
        convergence(100, 0, 10);
        convergence(100, 0.2, 5);
        speed(100, 3600);
        if (full) {
            convergence(1_000, 0, 3);
            convergence(1_000, 0.2, 3);
            speed(1_000, 600);
            convergence(10_000, 0, 1);
        }
        System.out.println("# reproduce: mvn -q -o -pl sim exec:java -Dexec.mainClass=" + ConvergenceBenchmark.class.getName()
                + (full ? " -Dexec.args=--full" : ""));
    }

    /** Idle traffic per node per second, by message type, after a 60 s warm-up, over 300 s. */
    static void bandwidth(int n) {
        Simulation sim = Simulation.builder().seed(1).nodes(n).build().start();
        sim.runSeconds(60);
        TrafficStats before = sim.network().traffic().copy();
        double seconds = 300;
        sim.runSeconds(seconds);
        TrafficStats d = sim.network().traffic().minus(before);
        System.out.printf("bandwidth N=%d: %.0f B/s per node sent on the wire (incl. %d B envelope+IP/UDP per datagram)%n",
                n, d.totalBytes() / seconds / n, io.punnet.sim.SimNetwork.DATAGRAM_OVERHEAD_BYTES);
        for (MessageType t : MessageType.values()) {
            if (d.count(t) > 0) {
                System.out.printf("  %-18s %7.2f/s per node, %6.1f B each on the wire%n", t, d.count(t) / seconds / n,
                        (double) d.bytes(t) / d.count(t));
            }
        }
    }

    /** Seconds from a crash to the first DEAD verdict and to the last live node's. */
    static void detection(int n, int seeds) {
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            Simulation sim = Simulation.builder().seed(seed).nodes(n).build().start();
            sim.runSeconds(60 + seed * 0.137);
            int victim = (int) (seed % n);
            sim.crash(victim);
            String name = sim.node(victim).name();
            long anyone = sim.runUntil(() -> sim.nodes().stream().anyMatch(x -> x.isRunning()
                    && x.gossip().statusOf(name) == MemberStatus.DEAD), SECOND / 20, 60 * SECOND);
            long rest = sim.runUntil(() -> sim.everyRunningNodeSees(victim, MemberStatus.DEAD), SECOND / 20, 60 * SECOND);
            first.add(anyone / 1e9);
            all.add((anyone + rest) / 1e9);
        }
        System.out.printf("detection N=%d over %d seeds: first verdict median %.1f s max %.1f s; everyone median %.1f s max %.1f s%n",
                n, seeds, pct(first, 0.5), pct(first, 1), pct(all, 0.5), pct(all, 1));
    }

    /** Rounds until a value set on one node is known by all, p50/p99 over seeds. */
    static void convergence(int n, double loss, int seeds) {
        List<Double> rounds = new ArrayList<>();
        long wall = System.nanoTime();
        for (long seed = 1; seed <= seeds; seed++) {
            Simulation.Builder b = Simulation.builder().seed(seed).nodes(n).link(LinkSpec.lan().withLoss(loss));
            if (n > 200) {
                b.detectorWindow(20);
            }
            Simulation sim = b.build().start();
            sim.runUntil(() -> sim.nodes().stream().allMatch(x -> x.gossip() != null && x.gossip().size() == n),
                    SECOND, 600 * SECOND);
            SimNode origin = sim.node((int) (seed % n));
            String value = "v" + seed;
            origin.gossip().setApplicationState("probe", value);
            String name = origin.name();
            long took = sim.runUntil(() -> sim.nodes().stream().allMatch(x -> {
                EndpointState s = x.gossip().stateOf(name);
                return s != null && value.equals(s.value("probe"));
            }), SECOND / 100, 200 * SECOND);
            rounds.add(took < 0 ? Double.NaN : took / (double) SECOND);
        }
        System.out.printf("convergence N=%d loss=%.0f%%: rounds p50 %.2f p99 %.2f over %d seeds (wall %.1f s)%n", n,
                loss * 100, pct(rounds, 0.5), pct(rounds, 0.99), seeds, (System.nanoTime() - wall) / 1e9);
    }

    /** Wall time to simulate n nodes for the given virtual seconds. */
    static void speed(int n, int seconds) {
        long wall = System.nanoTime();
        Simulation.Builder b = Simulation.builder().seed(1).nodes(n);
        if (n > 200) {
            b.detectorWindow(20);
        }
        Simulation sim = b.build().start();
        sim.runSeconds(seconds);
        double took = (System.nanoTime() - wall) / 1e9;
        System.out.printf("speed: %d nodes x %d virtual s in %.1f s wall (%d events, %.0f events/s)%n", n, seconds, took,
                sim.loop().executed(), sim.loop().executed() / took);
    }

    private static double pct(List<Double> xs, double p) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(p * s.size()) - 1));
    }
}
