package io.punnet.detector.core;

/**
 * One peer's heartbeat history (one generation of it), as {@link PhiAccrualDetector} consults it:
 * {@link SequenceWindow} when heartbeats come with their version (how late the next version is),
 * {@link ArrivalWindow} when they do not (how long since the last arrival, against the intervals
 * seen). Not thread-safe: the detector guards it.
 */
public interface HeartbeatWindow {

    /** A newer heartbeat arrived at {@code nowNanos} (its version: one more than the last). */
    void arrival(long nowNanos);

    /** Heartbeat {@code version} arrived at {@code nowNanos}; older or equal versions add nothing. */
    default void arrival(long nowNanos, long version) {
        arrival(nowNanos);
    }

    /** This node was paused for {@code pauseNanos}: that time does not count as the peer's silence. */
    void forgive(long pauseNanos);

    /** The suspicion level at {@code nowNanos}. */
    double phi(long nowNanos);

    /** Whether phi is at or over the threshold at {@code nowNanos}. */
    boolean suspect(long nowNanos);

    /** The mean spacing of heartbeats, in ms (for the explanation). */
    double meanMs();

    /** The deviation the model measured, in ms, before the configured floor. */
    double stdDeviationMs();

    /** How many samples the window holds. */
    int samples();

    /** How many heartbeats of this generation were seen, the first one included. */
    long heartbeats();

    /** When the last heartbeat arrived (moved forward by forgiven local pauses). */
    long lastArrivalNanos();

    /** The last heartbeat version seen (or the count of heartbeats, when they come without one). */
    long lastVersion();
}
