package io.punnet.gossip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

class EventDispatcherTest {

    private static ClusterEvent event(int n) {
        Member member = new Member("n" + n, "127.0.0.1", 7946, 1, n, MemberStatus.ALIVE, Map.of(), false);
        return new ClusterEvent(ClusterEvent.Type.JOINED, member, null, null);
    }

    @Test
    void eventsArriveInOrderOnOneThreadDespiteAFailingListener() throws InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(50);
        ClusterListener failing = e -> {
            throw new IllegalStateException("listener bug");
        };
        ClusterListener recording = e -> {
            heard.add(e.member().name() + "@" + Thread.currentThread().getName());
            all.countDown();
        };
        EventDispatcher dispatcher = new EventDispatcher(100, () -> List.of(failing, recording), "test-events");
        try {
            for (int n = 0; n < 50; n++) {
                dispatcher.accept(event(n));
            }
            assertTrue(all.await(10, TimeUnit.SECONDS));
        } finally {
            dispatcher.close();
        }
        for (int n = 0; n < 50; n++) {
            assertEquals("n" + n + "@test-events", heard.get(n));
        }
        assertEquals(0, dispatcher.lost());
    }

    @Test
    void aStuckListenerCostsEventsNotMemory() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ClusterListener stuck = e -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
        EventDispatcher dispatcher = new EventDispatcher(2, () -> List.of(stuck), "test-stuck");
        try {
            dispatcher.accept(event(0));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the first event is being delivered");
            for (int n = 1; n <= 5; n++) {
                dispatcher.accept(event(n));
            }
            assertEquals(3, dispatcher.lost(), "two wait in the queue, three are dropped");
        } finally {
            release.countDown();
            dispatcher.close();
        }
    }

    @Test
    void closeEndsTheThread() {
        EventDispatcher dispatcher = new EventDispatcher(2, List::of, "test-close");
        dispatcher.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-close")));
    }
}
