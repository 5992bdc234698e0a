package io.punnet.gossip.internal;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.Member;

/**
 * Delivers cluster events to the whiteboard listeners, in the order the engine produced them, one at
 * a time, on one notification thread (never the protocol thread, so a slow listener cannot stall
 * gossip). A listener that throws is logged and the others still get the event.
 *
 * <p>Membership changes (joins, restarts, status changes, removals) are also logged at INFO here.
 *
 * <p>The queue is bounded: if listeners fall {@code depth} events behind, newer events are dropped
 * and counted, and an error is logged once per overflow episode.
 */
final class EventDispatcher implements Consumer<ClusterEvent>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    private static final long POLL_MS = 200;

    private final LinkedBlockingQueue<ClusterEvent> queue;
    private final Supplier<List<ClusterListener>> listeners;
    private final Thread thread;
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean running = true;

    EventDispatcher(int depth, Supplier<List<ClusterListener>> listeners, String threadName) {
        this.queue = new LinkedBlockingQueue<>(depth);
        this.listeners = listeners;
        this.thread = new Thread(this::deliverLoop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Called on the protocol thread for every event; never blocks. */
    @Override
    public void accept(ClusterEvent event) {
        if (!queue.offer(event) && lost.getAndIncrement() == 0) {
            LOG.error("cluster listeners are {} events behind; dropping events until they catch up", queue.size());
        }
    }

    /** Events dropped because the listeners were too far behind. */
    long lost() {
        return lost.get();
    }

    private void deliverLoop() {
        while (running || !queue.isEmpty()) {
            ClusterEvent event;
            try {
                event = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event != null) {
                deliver(event);
            }
        }
    }

    private void deliver(ClusterEvent event) {
        logMembership(event);
        List<ClusterListener> current = listeners.get();
        if (current == null) {
            return;
        }
        for (ClusterListener listener : List.copyOf(current)) {
            try {
                listener.clusterChanged(event);
            } catch (RuntimeException e) {
                LOG.warn("cluster listener {} failed on {} of {}", listener.getClass().getName(), event.type(),
                        event.member().name(), e);
            }
        }
    }

    /** Membership changes are worth a line in the node's log; state changes are too frequent. */
    private static void logMembership(ClusterEvent event) {
        Member member = event.member();
        switch (event.type()) {
            case JOINED -> LOG.info("member {} at {} joined", member.name(), member.gossipEndpoint());
            case RESTARTED -> LOG.info("member {} restarted (generation {})", member.name(), member.generation());
            case STATUS_CHANGED -> LOG.info("member {} is {} (was {})", member.name(), member.status(),
                    event.previousStatus());
            case REMOVED -> LOG.info("member {} removed", member.name());
            default -> LOG.debug("member {}: {} changed", member.name(), event.key());
        }
    }

    /** Delivers what is queued (for up to the join timeout), then ends the thread. */
    @Override
    public void close() {
        running = false;
        Threads.join(thread);
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
