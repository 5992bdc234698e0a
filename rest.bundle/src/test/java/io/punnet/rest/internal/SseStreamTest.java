package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.rest.core.EventFrames;
import io.punnet.rest.core.Json;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/** The event streams against a connection whose readiness the test controls (no container, no threads). */
class SseStreamTest {

    /** A non-blocking output: ready or not as the test says; records what was written and flushed. */
    static final class FakeOut extends ServletOutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean ready = true;
        boolean failing;
        int flushes;
        WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
        }

        @Override
        public void write(int b) throws IOException {
            if (failing) {
                throw new IOException("connection reset");
            }
            written.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    private final List<String> calls = new ArrayList<>();
    private final AsyncContext async = (AsyncContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AsyncContext.class}, (proxy, method, args) -> {
                calls.add(method.getName());
                return null;
            });
    private final List<SseStream.End> ends = new ArrayList<>();

    private static byte[] frame(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void framesAreWrittenOnlyOnceTheContainerSaysItCanWrite() throws IOException {
        FakeOut out = new FakeOut();
        SseStream stream = new SseStream(async, out, 4, (s, why) -> ends.add(why));
        stream.offer(frame("a\n\n"));
        assertEquals("", out.text(), "nothing is written before the write listener is called");
        stream.start();
        out.listener.onWritePossible();
        assertEquals("a\n\n", out.text());
        assertEquals(1, out.flushes);
        stream.offer(frame("b\n\n"));
        assertEquals("a\n\nb\n\n", out.text());
        assertTrue(calls.contains("addListener"));
    }

    @Test
    void aClientThatFallsBehindIsDroppedAndItsMemoryFreed() throws IOException {
        FakeOut out = new FakeOut();
        SseStream stream = new SseStream(async, out, 3, (s, why) -> ends.add(why));
        stream.start();
        out.listener.onWritePossible();
        out.ready = false; // the client stopped reading: the socket buffer is full
        assertTrue(stream.offer(frame("1")));
        assertTrue(stream.offer(frame("2")));
        assertTrue(stream.offer(frame("3")));
        assertEquals(3, stream.queued());
        assertFalse(stream.offer(frame("4")), "the fourth frame finds the queue full");
        assertEquals(List.of(SseStream.End.TOO_SLOW), ends);
        assertEquals(0, stream.queued());
        assertTrue(calls.contains("complete"));
        assertFalse(stream.offer(frame("5")), "a dropped stream takes nothing more");
        assertEquals(1, ends.size(), "ended once");
    }

    @Test
    void aWriteErrorEndsTheStream() throws IOException {
        FakeOut out = new FakeOut();
        SseStream stream = new SseStream(async, out, 3, (s, why) -> ends.add(why));
        stream.start();
        out.listener.onWritePossible();
        out.failing = true;
        stream.offer(frame("x"));
        assertEquals(List.of(SseStream.End.CLIENT_GONE), ends);
    }

    @Test
    void theHubCapsStreamsAndFreesASlotWhenOneEnds() throws IOException {
        Member member = new Member("a", "10.0.0.2", 7946, 1, 1, MemberStatus.ALIVE, Map.of(), false);
        try (EventHub hub = new EventHub(2, 8, 60_000, new EventFrames(new Json()))) {
            FakeOut first = new FakeOut();
            FakeOut second = new FakeOut();
            SseStream one = hub.open(async, first, "n");
            hub.open(async, second, "n");
            assertNull(hub.open(async, new FakeOut(), "n"), "a third stream is over the cap");
            first.listener.onWritePossible();
            second.listener.onWritePossible();
            hub.publish(new ClusterEvent(ClusterEvent.Type.JOINED, member, null, null), null);
            assertTrue(first.text().startsWith("retry: 3000\nevent: hello\n"), first.text());
            assertTrue(first.text().contains("id: 1\nevent: member.joined\n"), first.text());
            assertEquals(first.text(), second.text());
            one.close(SseStream.End.CLIENT_GONE);
            assertEquals(1, hub.openStreams());
            assertTrue(hub.open(async, new FakeOut(), "n") != null, "the slot is free again");
        }
    }
}
