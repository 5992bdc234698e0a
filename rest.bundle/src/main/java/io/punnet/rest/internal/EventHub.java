package io.punnet.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.rest.core.EventFrames;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;

/**
 * The open {@code /api/v1/events} streams: at most {@code maxStreams} at once; each event is
 * rendered once and queued to every stream ({@link SseStream} drops a client that falls behind);
 * a keep-alive comment goes to every stream on a timer. One daemon thread, for the timer only.
 */
final class EventHub implements AutoCloseable {

    private final int maxStreams;
    private final int queueFrames;
    private final EventFrames frames;
    private final Set<SseStream> streams = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong droppedSlow = new AtomicLong();
    private final ScheduledExecutorService timer;

    EventHub(int maxStreams, int queueFrames, long keepAliveMs, EventFrames frames) {
        this.maxStreams = maxStreams;
        this.queueFrames = queueFrames;
        this.frames = frames;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "punnet-rest-keepalive");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::keepAlive, keepAliveMs, keepAliveMs, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for a started async request, or returns null when {@code maxStreams} are open. */
    SseStream open(AsyncContext async, ServletOutputStream out, String localNode) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return null;
        }
        SseStream stream = new SseStream(async, out, queueFrames, this::ended);
        streams.add(stream);
        stream.offer(bytes(frames.hello(localNode)));
        stream.start();
        return stream;
    }

    /** Sends one cluster event to every stream. Called on gossip's notification thread; never blocks. */
    void publish(ClusterEvent event, ClusterMetrics metrics) {
        if (streams.isEmpty()) {
            return;
        }
        byte[] frame = bytes(frames.frame(ids.incrementAndGet(), event, metrics));
        for (SseStream stream : streams) {
            stream.offer(frame);
        }
    }

    private void keepAlive() {
        byte[] comment = bytes(EventFrames.KEEP_ALIVE);
        for (SseStream stream : streams) {
            stream.offer(comment);
        }
    }

    private void ended(SseStream stream, SseStream.End why) {
        if (streams.remove(stream)) {
            open.decrementAndGet();
        }
        if (why == SseStream.End.TOO_SLOW) {
            droppedSlow.incrementAndGet();
        }
    }

    int openStreams() {
        return open.get();
    }

    long droppedSlow() {
        return droppedSlow.get();
    }

    private static byte[] bytes(String frame) {
        return frame.getBytes(StandardCharsets.UTF_8);
    }

    /** Ends every stream and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (SseStream stream : streams) {
            stream.close(SseStream.End.SHUTDOWN);
        }
    }
}
