package io.punnet.gossip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.Scheduler;

class ProtocolThreadTest {

    @Test
    void tasksRunOneAtATimeOnTheOneThreadAndAFailureDoesNotStopIt() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        try (ProtocolThread protocol = new ProtocolThread("test-proto")) {
            protocol.execute(() -> ran.add(Thread.currentThread().getName()));
            protocol.execute(() -> {
                throw new IllegalStateException("a bug in a round");
            });
            protocol.schedule(0, () -> ran.add("scheduled " + protocol.isCurrent()));
            protocol.schedule(1_000_000, done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertFalse(protocol.isCurrent());
        }
        assertEquals(List.of("test-proto", "scheduled true"), ran);
    }

    @Test
    void aCancelledTaskDoesNotRun() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch later = new CountDownLatch(1);
        try (ProtocolThread protocol = new ProtocolThread("test-cancel")) {
            Scheduler.Cancellable cancelled = protocol.schedule(200_000_000, () -> ran.add("cancelled"));
            cancelled.cancel();
            cancelled.cancel();
            protocol.schedule(400_000_000, later::countDown);
            assertTrue(later.await(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), ran);
    }

    @Test
    void afterCloseWorkIsIgnoredAndTheThreadHasEnded() {
        ProtocolThread protocol = new ProtocolThread("test-closed");
        protocol.close();
        assertTrue(protocol.isTerminated());
        protocol.execute(() -> {
            throw new AssertionError("must not run");
        });
        protocol.schedule(0, () -> {
            throw new AssertionError("must not run");
        }).cancel();
    }
}
