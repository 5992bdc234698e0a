package io.punnet.gossip.core;

/**
 * Runs the engine's timed work. Contract: tasks run one at a time, on the single protocol thread
 * that also delivers every {@link Inbound} call, so the engine needs no locks. In the bundle it is a
 * single-threaded executor; in the simulator, an event queue on virtual time.
 */
public interface Scheduler {

    /** Runs {@code task} once, {@code delayNanos} from now (0: as soon as possible). */
    Cancellable schedule(long delayNanos, Runnable task);

    /** A handle on a scheduled task. */
    interface Cancellable {
        /** Stops the task if it has not run; idempotent. */
        void cancel();
    }
}
