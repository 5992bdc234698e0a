package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.punnet.rest.core.Reply;

class VersionedCacheTest {

    private long nowMs = 1000;
    private final VersionedCache cache = new VersionedCache(() -> nowMs);
    private final AtomicInteger renders = new AtomicInteger();

    private Reply render() {
        return Reply.json(200, ("" + renders.incrementAndGet()).getBytes());
    }

    @Test
    void servesTheSameRenderUntilAnInvalidation() {
        assertEquals("1", cache.get("k", 5000, this::render).text());
        assertEquals("1", cache.get("k", 5000, this::render).text());
        cache.invalidate();
        assertEquals("2", cache.get("k", 5000, this::render).text());
    }

    @Test
    void anEntryExpiresAfterItsMaximumAge() {
        cache.get("k", 250, this::render);
        nowMs += 249;
        assertEquals("1", cache.get("k", 250, this::render).text());
        nowMs += 1;
        assertEquals("2", cache.get("k", 250, this::render).text());
    }

    @Test
    void aRenderOverlappingAChangeIsNotKept() {
        // the change arrives while the answer is being rendered from the old view
        Reply stale = cache.get("k", 5000, () -> {
            cache.invalidate();
            return render();
        });
        assertEquals("1", stale.text());
        assertEquals("2", cache.get("k", 5000, this::render).text());
    }

    @Test
    void errorsAreNotKept() {
        cache.get("k", 5000, () -> Reply.json(503, new byte[0]));
        assertEquals("1", cache.get("k", 5000, this::render).text());
    }

    @Test
    void theNumberOfKeysIsBounded() {
        for (int i = 0; i < VersionedCache.MAX_ENTRIES * 3; i++) {
            cache.get("k" + i, 5000, this::render);
        }
        assertEquals(VersionedCache.MAX_ENTRIES * 3, renders.get());
        // still caching after the reset
        assertEquals(cache.get("again", 5000, this::render).text(), cache.get("again", 5000, this::render).text());
    }

    @Test
    void concurrentMissesOfOneKeyRenderOnce() throws Exception {
        java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Reply>> answers = new java.util.ArrayList<>();
            answers.add(pool.submit(() -> cache.get("k", 5000, () -> {
                rendering.countDown();
                await(release);
                return render();
            })));
            rendering.await(5, java.util.concurrent.TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit(() -> cache.get("k", 5000, this::render)));
            }
            release.countDown();
            for (java.util.concurrent.Future<Reply> answer : answers) {
                assertEquals("1", answer.get(5, java.util.concurrent.TimeUnit.SECONDS).text());
            }
            assertEquals(1, renders.get());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
