package io.punnet.detector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.punnet.detector.core.DetectorSettings;
import io.punnet.detector.core.PeerReport;
import io.punnet.detector.core.PhiAccrualDetector;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Gossip's thread writes (heartbeats of joining and leaving members, rounds of suspicion) while
 * two other threads read the reports, as REST would: no exception, and every report read is
 * internally consistent. (Lives outside {@code core}, which may not use threads.)
 */
class ConcurrentReadsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void readersSeeConsistentReportsWhileGossipWrites() throws InterruptedException {
        PhiAccrualDetector detector = new PhiAccrualDetector(DetectorSettings.defaults());
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch readersDone = new CountDownLatch(2);
        Runnable reader = () -> {
            try {
                for (int i = 0; i < 1_000_000 && !done.get(); i++) {
                    List<PeerReport> reports = detector.reports(i * (SECOND / 1000));
                    for (PeerReport r : reports) {
                        assertEquals(r.phi() / r.threshold(), r.level(), 1e-9);
                        assertTrue(r.samples() >= 2 && r.samples() <= 200);
                    }
                }
            } catch (Throwable t) {
                failures.add(t);
            } finally {
                readersDone.countDown();
            }
        };
        Thread first = new Thread(reader, "reader-1");
        Thread second = new Thread(reader, "reader-2");
        first.start();
        second.start();
        try {
            for (int round = 0; round < 2_000; round++) {
                long now = round * SECOND;
                for (int m = 0; m < 30; m++) {
                    String member = "node-" + ((m + round / 100) % 40);
                    detector.heartbeat(member, round / 500, now + m);
                    detector.suspicion(member, now + m + 1);
                }
                detector.forget("node-" + (round % 40));
            }
        } finally {
            done.set(true);
            assertTrue(readersDone.await(10, TimeUnit.SECONDS), "readers did not finish");
        }
        first.join(1000);
        second.join(1000);
        assertFalse(first.isAlive() || second.isAlive());
        assertTrue(failures.isEmpty(), () -> "reader failed: " + failures.peek());
    }
}
