package io.punnet.sim;

import java.util.PriorityQueue;

/**
 * Virtual time and the one queue of everything that happens in a simulation: events run in time
 * order, ties in the order they were scheduled, so a run is a pure function of its seed. Nothing
 * here reads a real clock.
 */
public final class EventLoop {

    /** The wall clock the virtual time starts from (ms since the epoch): 2026-01-01T00:00Z. */
    public static final long EPOCH_MS = 1_767_225_600_000L;

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private long executed;

    /** A scheduled event; cancel() makes it a no-op. */
    public static final class Event implements Comparable<Event> {
        private final long at;
        private final long order;
        private Runnable task;

        private Event(long at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }

        /** Cancels the event if it has not run. */
        public void cancel() {
            task = null;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** Virtual nanoseconds since the start. */
    public long now() {
        return now;
    }

    /** Virtual wall-clock milliseconds. */
    public long wallMillis() {
        return EPOCH_MS + now / 1_000_000L;
    }

    /** Runs {@code task} at {@code now + delayNanos}. */
    public Event schedule(long delayNanos, Runnable task) {
        Event e = new Event(now + Math.max(0, delayNanos), seq++, task);
        queue.add(e);
        return e;
    }

    /** Runs every event due up to {@code until} (inclusive), then sets the time to it. */
    public void runUntil(long until) {
        while (!queue.isEmpty() && queue.peek().at <= until) {
            Event e = queue.poll();
            now = e.at;
            Runnable task = e.task;
            if (task != null) {
                executed++;
                task.run();
            }
        }
        now = Math.max(now, until);
    }

    /** Events run so far. */
    public long executed() {
        return executed;
    }
}
