package io.punnet.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.core.Clock;
import io.punnet.gossip.core.GossipNode;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.Scheduler;
import io.punnet.gossip.core.Transport;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;

/**
 * One simulated process: a {@link GossipNode} with its detector, seen by the engine through the
 * same seams as in the bundle (it is the node's {@link Clock}, {@link Scheduler} and
 * {@link Transport}). It can run, be paused (its timers and its inbox wait, as in a GC pause or a
 * SIGSTOP; the inbox holds at most {@link #INBOX_CAPACITY} datagrams, like a socket buffer), crash
 * (everything pending is lost) and restart with a new generation and maybe a new address.
 */
public final class SimNode implements Clock, Scheduler, Transport {

    /** Datagrams a paused node's socket buffer keeps. */
    public static final int INBOX_CAPACITY = 256;

    /** Where the process stands. */
    public enum State { UP, PAUSED, DOWN }

    private final String name;
    private final EventLoop loop;
    private final SimNetwork network;
    private Endpoint endpoint;
    private GossipNode gossip;
    private Liveness detector;
    private State state = State.DOWN;
    private int incarnation;
    private long crashedAtNanos = -1;
    private final List<Runnable> deferred = new ArrayList<>();

    SimNode(String name, Endpoint endpoint, EventLoop loop, SimNetwork network) {
        this.name = name;
        this.endpoint = endpoint;
        this.loop = loop;
        this.network = network;
    }

    /** Boots the process: a new engine with a new generation (the virtual wall clock now). */
    void boot(GossipSettings settings, RandomGenerator random, Liveness liveness, List<Endpoint> seeds,
            java.util.function.Consumer<Observed> observer) {
        incarnation++;
        deferred.clear();
        state = State.UP;
        crashedAtNanos = -1;
        network.attach(this);
        detector = liveness;
        java.util.function.Consumer<io.punnet.gossip.api.ClusterEvent> sink = observer == null ? null
                : e -> observer.accept(new Observed(loop.now(), name, e));
        gossip = new GossipNode(name, loop.wallMillis(), settings, this, this, random, this, sink);
        gossip.setLiveness(liveness);
        for (Endpoint s : seeds) {
            gossip.addSeed(s);
        }
        gossip.start();
    }

    void crash() {
        incarnation++;
        state = State.DOWN;
        deferred.clear();
        crashedAtNanos = loop.now();
        network.detach(endpoint, this);
    }

    void moveTo(Endpoint newEndpoint) {
        network.detach(endpoint, this);
        endpoint = newEndpoint;
    }

    void pause() {
        if (state == State.UP) {
            state = State.PAUSED;
        }
    }

    void resume() {
        if (state != State.PAUSED) {
            return;
        }
        state = State.UP;
        List<Runnable> pending = new ArrayList<>(deferred);
        deferred.clear();
        for (Runnable r : pending) {
            r.run();
        }
    }

    /** The node's name. */
    public String name() {
        return name;
    }

    /** Its current address. */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** The engine (of the current incarnation). */
    public GossipNode gossip() {
        return gossip;
    }

    /** The detector the engine consults. */
    public Liveness detector() {
        return detector;
    }

    /** UP, PAUSED or DOWN. */
    public State state() {
        return state;
    }

    /** True unless crashed. */
    public boolean isRunning() {
        return state != State.DOWN;
    }

    /** When it last crashed (virtual ns), or -1 if running. */
    public long crashedAtNanos() {
        return crashedAtNanos;
    }

    int incarnation() {
        return incarnation;
    }

    // ---- Clock ---------------------------------------------------------------------------------

    @Override
    public long monotonicNanos() {
        return loop.now();
    }

    @Override
    public long wallMillis() {
        return loop.wallMillis();
    }

    // ---- Scheduler -----------------------------------------------------------------------------

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        int inc = incarnation;
        EventLoop.Event e = loop.schedule(delayNanos, () -> runOwn(inc, task));
        return e::cancel;
    }

    private void runOwn(int inc, Runnable task) {
        if (inc != incarnation || state == State.DOWN) {
            return;
        }
        if (state == State.PAUSED) {
            deferred.add(task);
            return;
        }
        task.run();
    }

    // ---- Transport -----------------------------------------------------------------------------

    @Override
    public Endpoint localEndpoint() {
        return endpoint;
    }

    @Override
    public int send(Endpoint to, Message message) {
        return network.send(this, to, message);
    }

    @Override
    public void pushPull(Endpoint to, StreamRequest request) {
        network.pushPull(this, to, request);
    }

    // ---- what the network hands over -----------------------------------------------------------

    void deliver(Endpoint from, Message message, int wireBytes, int inc) {
        if (inc != incarnation || state == State.DOWN) {
            return;
        }
        if (state == State.PAUSED) {
            if (deferred.size() < INBOX_CAPACITY) {
                deferred.add(() -> gossip.receive(from, message, wireBytes));
            }
            return;
        }
        gossip.receive(from, message, wireBytes);
    }

    PushPullResponse answer(Endpoint from, StreamRequest request, int wireBytes, int inc) {
        if (inc != incarnation || state != State.UP) {
            return null;
        }
        return gossip.answer(from, request, wireBytes);
    }

    void streamFailed(Endpoint to, String reason, int inc) {
        if (inc == incarnation && state == State.UP) {
            gossip.pushPullFailed(to, reason);
        }
    }

    void sentOnStream(int wireBytes) {
        if (state == State.UP) {
            gossip.sent(wireBytes);
        }
    }
}
