package io.punnet.detector.core;

/**
 * Notices that this node itself stopped running for a while, so that the detector does not
 * blame its peers for silence it caused.
 *
 * <p>On a healthy node something happens at least once per gossip round: gossip evaluates every
 * live member ({@code suspicion}) and learns heartbeats. If the gap between two such activities
 * exceeds {@code maxLocalPauseMs}, the node was paused (a stop-the-world GC, a Pi starved of CPU,
 * a suspended VM): it sent nothing and read nothing, so every peer looks late by that much through
 * no fault of its own. The rule, applied by {@link PhiAccrualDetector}: the whole gap is forgiven,
 * i.e. every peer's last arrival moves forward by it, and the pause is counted.
 *
 * <p>Forgiving the whole gap is conservative: it also forgives up to one normal round spacing that
 * was not a pause, and a peer that died during the pause is suspected that much later. A network
 * partition is not a pause: rounds keep running, so phi keeps growing and the partition is seen.
 * Only measurable while there is activity to measure: a node with no live peers asks nothing.
 * Not thread-safe: {@link PhiAccrualDetector} guards it.
 */
public final class LocalPauseGuard {

    private final long maxLocalPauseNanos;
    private boolean started;
    private long lastActivityNanos;
    private long pauses;
    private long pausedNanos;

    public LocalPauseGuard(long maxLocalPauseMs) {
        this.maxLocalPauseNanos = maxLocalPauseMs * 1_000_000L;
    }

    /**
     * Something happened on this node at {@code nowNanos}. Returns the length of the local pause
     * that ended now, to be forgiven, or 0 when there was none.
     */
    public long activity(long nowNanos) {
        if (!started) {
            started = true;
            lastActivityNanos = nowNanos;
            return 0;
        }
        long gap = nowNanos - lastActivityNanos;
        lastActivityNanos = Math.max(lastActivityNanos, nowNanos);
        if (gap <= maxLocalPauseNanos) {
            return 0;
        }
        pauses++;
        pausedNanos += gap;
        return gap;
    }

    /** How many local pauses were noticed. */
    public long pauses() {
        return pauses;
    }

    /** Their total length in nanoseconds. */
    public long pausedNanos() {
        return pausedNanos;
    }
}
