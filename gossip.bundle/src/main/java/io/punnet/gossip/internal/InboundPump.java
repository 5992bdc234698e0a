package io.punnet.gossip.internal;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.Inbound;
import io.punnet.gossip.core.wire.DropReason;

/**
 * Carries work from the socket threads to the protocol thread through a queue of fixed depth.
 *
 * <p>Socket threads decrypt and decode on their own time, then {@link #offer} the result. When the
 * queue is full (a flood, or a protocol thread that fell behind) the packet is dropped and counted
 * as {@link DropReason#OVERFLOW}: gossip tolerates loss, while an unbounded queue would turn a flood
 * into an out-of-memory on a Pi. Drops seen on socket threads are tallied here and handed to the
 * engine ({@link Inbound#dropped}) on the protocol thread, so the engine's counters stay
 * single-threaded.
 *
 * <p>Outcomes of exchanges this node started ({@link #control}) bypass the bound: they are few
 * (at most one per open stream) and the engine is promised exactly one outcome per push-pull.
 */
final class InboundPump {

    private static final Logger LOG = LoggerFactory.getLogger(InboundPump.class);

    private final ArrayBlockingQueue<Consumer<Inbound>> queue;
    private final Executor protocolThread;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Map<String, AtomicLong> pendingDrops = new ConcurrentHashMap<>();
    private volatile Inbound inbound;

    InboundPump(int depth, Executor protocolThread) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.protocolThread = protocolThread;
    }

    /** Connects the engine; until then work waits in the queue. */
    void start(Inbound target) {
        this.inbound = target;
        wake();
    }

    /** Queues {@code work} for the protocol thread; false (and counted) when the queue is full. */
    boolean offer(Consumer<Inbound> work) {
        boolean accepted = queue.offer(work);
        if (!accepted) {
            tally(DropReason.OVERFLOW.counterName());
        }
        wake();
        return accepted;
    }

    /** Runs {@code work} on the protocol thread, never dropped. */
    void control(Consumer<Inbound> work) {
        protocolThread.execute(() -> {
            Inbound target = inbound;
            if (target != null) {
                work.accept(target);
            }
        });
    }

    /** Counts a packet dropped on a socket thread. */
    void dropped(String reason) {
        tally(reason);
        wake();
    }

    /** Work waiting now. */
    int depth() {
        return queue.size();
    }

    private void tally(String reason) {
        pendingDrops.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    }

    private void wake() {
        if (inbound != null && drainScheduled.compareAndSet(false, true)) {
            protocolThread.execute(this::drain);
        }
    }

    /** On the protocol thread: hands over the tallied drops, then runs what is queued now. */
    private void drain() {
        drainScheduled.set(false);
        Inbound target = inbound;
        pendingDrops.forEach((reason, count) -> {
            for (long n = count.getAndSet(0); n > 0; n--) {
                target.dropped(reason);
            }
        });
        for (int batch = queue.size(); batch > 0; batch--) {
            Consumer<Inbound> work = queue.poll();
            if (work == null) {
                break;
            }
            try {
                work.accept(target);
            } catch (RuntimeException e) {
                LOG.error("gossip engine failed on an inbound message; going on", e);
            }
        }
        if (!queue.isEmpty()) {
            wake();
        }
    }
}
