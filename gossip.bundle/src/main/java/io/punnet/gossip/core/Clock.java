package io.punnet.gossip.core;

/**
 * The time seam of the engine: real clocks in the bundle, virtual time in the simulator.
 */
public interface Clock {

    /** Monotonic nanoseconds (arbitrary origin): every duration and deadline of the engine. */
    long monotonicNanos();

    /** Wall-clock milliseconds since the epoch: only to stamp a new generation. */
    long wallMillis();
}
