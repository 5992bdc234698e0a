package io.punnet.metadata.internal;

import io.punnet.gossip.testing.FakeCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.core.MetadataGossipCodec;

/**
 * Threads change the store at once; every change must survive (in memory, on disk, in gossip).
 * Each of 8 threads owns one name: it adds and removes it many times and ends with it added, so
 * the final state is known whatever the interleaving.
 */
class ConcurrentChangesTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void noUpdateIsLost() throws Exception {
        Path file = dir.resolve("meta-data.json");
        FakeCluster cluster = new FakeCluster();
        FileMetadataStore store = new FileMetadataStore(file, Clock.systemUTC(), "local");
        store.bindCluster(cluster);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String name = "n" + t;
            boolean service = t % 2 == 0;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < ROUNDS; i++) {
                    add(store, service, name);
                    remove(store, service, name);
                }
                add(store, service, name);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(50, TimeUnit.SECONDS); // rethrows any failure of a thread
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));

        Metadata expected = new Metadata(List.of("n0", "n2", "n4", "n6"), List.of("n1", "n3", "n5", "n7"));
        assertEquals(expected, store.current());
        assertEquals(expected, new FileMetadataStore(file, Clock.systemUTC(), "x").current(), "on disk");
        assertEquals("1;s=n0,n2,n4,n6;t=n1,n3,n5,n7", cluster.local().state(MetadataGossipCodec.KEY), "gossiped last");
        assertEquals(1 + THREADS * (2 * ROUNDS + 1), cluster.published.size(), "one publication per change");
    }

    private static void add(FileMetadataStore store, boolean service, String name) {
        if (service) {
            store.addService(name);
        } else {
            store.addTag(name);
        }
    }

    private static void remove(FileMetadataStore store, boolean service, String name) {
        if (service) {
            store.removeService(name);
        } else {
            store.removeTag(name);
        }
    }
}
