package io.punnet.rest.internal;

import java.io.IOException;
import java.util.ArrayDeque;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * One client of {@code /api/v1/events}, written without ever blocking a thread: frames wait in a
 * bounded queue and are written with the servlet non-blocking API ({@link WriteListener}) only while
 * the connection can take them. A client that lets {@code capacity} frames pile up is too slow: it
 * is dropped (the stream ends; an EventSource reconnects by itself), so one slow client never holds
 * memory or a thread of the node. Every method is synchronized on the stream: the container's
 * callbacks and the event thread never write at the same time.
 */
final class SseStream implements WriteListener, AsyncListener {

    /** Why a stream ended, for the counters. */
    enum End { CLIENT_GONE, TOO_SLOW, SHUTDOWN }

    /** Told once when the stream ends. */
    interface Ended {
        void ended(SseStream stream, End why);
    }

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final int capacity;
    private final Ended ended;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean listening;
    private boolean needsFlush;
    private boolean closed;

    SseStream(AsyncContext async, ServletOutputStream out, int capacity, Ended ended) {
        this.async = async;
        this.out = out;
        this.capacity = capacity;
        this.ended = ended;
    }

    /** Starts writing: from now on the container calls {@link #onWritePossible()}. */
    void start() {
        async.addListener(this);
        out.setWriteListener(this);
    }

    /** Queues one frame; drops the client if its queue is full. Returns false if the stream is over. */
    synchronized boolean offer(byte[] frame) {
        if (closed) {
            return false;
        }
        if (queue.size() >= capacity) {
            close(End.TOO_SLOW);
            return false;
        }
        queue.add(frame);
        drain();
        return true;
    }

    synchronized int queued() {
        return queue.size();
    }

    @Override
    public synchronized void onWritePossible() {
        listening = true;
        drain();
    }

    private void drain() {
        if (!listening || closed) {
            return;
        }
        try {
            while (out.isReady()) {
                byte[] next = queue.poll();
                if (next != null) {
                    out.write(next);
                    needsFlush = true;
                } else if (needsFlush) {
                    needsFlush = false;
                    out.flush();
                } else {
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            close(End.CLIENT_GONE);
        }
    }

    @Override
    public synchronized void onError(Throwable t) {
        close(End.CLIENT_GONE);
    }

    /** Ends the stream (idempotent). */
    synchronized void close(End why) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container ended it first
        }
        ended.ended(this, why);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        close(End.CLIENT_GONE);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        close(End.CLIENT_GONE);
    }

    @Override
    public void onError(AsyncEvent event) {
        close(End.CLIENT_GONE);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
