package io.punnet.gossip.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.Scheduler;

/**
 * The one thread that runs the gossip engine: its timers ({@link Scheduler}) and every inbound call
 * (through {@link #execute}). Because nothing else touches the engine, the engine needs no locks.
 *
 * <p>A task that throws is logged and the thread goes on: one bad packet or one bug in a round must
 * not stop gossip. After {@link #close()} new work is silently ignored (the bundle is stopping).
 */
final class ProtocolThread implements Scheduler, Executor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolThread.class);
    private static final long STOP_WAIT_MS = 5_000;

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    ProtocolThread(String name) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException stopping) {
            return () -> { };
        }
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("protocol thread stopped; task ignored");
        }
    }

    /** True when called on the protocol thread itself. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Whether the thread has ended (after {@link #close()}). */
    boolean isTerminated() {
        return executor.isTerminated();
    }

    /** Stops accepting work, lets the running task finish (up to 5 s), drops what is queued. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                LOG.warn("gossip protocol thread did not stop within {} ms; interrupted it", STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("gossip protocol task failed; gossip goes on", e);
            }
        };
    }
}
