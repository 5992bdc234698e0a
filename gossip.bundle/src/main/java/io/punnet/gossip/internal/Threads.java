package io.punnet.gossip.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers for the threads this bundle owns. */
final class Threads {

    private static final Logger LOG = LoggerFactory.getLogger(Threads.class);
    /** How long a stop waits for one thread. */
    static final long JOIN_MS = 5_000;

    private Threads() {
    }

    /** Waits for {@code thread} to end (if it was started), up to {@link #JOIN_MS}. */
    static void join(Thread thread) {
        if (thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("thread {} did not end within {} ms", thread.getName(), JOIN_MS);
        }
    }
}
