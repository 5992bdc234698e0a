package io.punnet.discovery.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Closes responders off the caller's thread: a JmDNS {@code close()} blocks about two seconds (it
 * sends goodbyes and waits for its timers), which must hold up neither the node's start or stop nor
 * the interface poll. Every close runs on its own short-lived daemon thread named
 * {@code punnet-discovery-close}, and {@link #awaitAll} lets a caller (a test, a clean shutdown)
 * wait for them, bounded.
 */
final class Closer {

    static final String THREAD_NAME = "punnet-discovery-close";
    private final List<Thread> threads = new ArrayList<>();

    /** Starts closing {@code responder} now, in the background. */
    synchronized void closeLater(Responder responder) {
        threads.removeIf(t -> !t.isAlive());
        Thread t = new Thread(responder::close, THREAD_NAME + "-" + responder.binding().interfaceName());
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Waits until every close started so far has ended, at most {@code timeoutMs}; true when they have. */
    boolean awaitAll(long timeoutMs) {
        List<Thread> pending;
        synchronized (this) {
            pending = new ArrayList<>(threads);
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        for (Thread t : pending) {
            if (!t.isAlive()) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                t.join(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
