package io.punnet.detector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.punnet.gossip.api.Suspicion;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The detector's bookkeeping around the windows: members, generations, pauses, reports. */
class PhiAccrualDetectorTest {

    private static final long SECOND = 1_000_000_000L;
    private final PhiAccrualDetector detector = new PhiAccrualDetector(IntervalModel.SETTINGS);

    /** Regular 1 s heartbeats of {@code member} at 0, 1, ... n-1 s, evaluated every round. */
    private void steady(String member, long generation, int n) {
        steady(member, generation, n, SECOND);
    }

    /** Regular heartbeats {@code interval} apart from 0, evaluated half an interval after each. */
    private void steady(String member, long generation, int n, long interval) {
        for (int k = 0; k < n; k++) {
            detector.heartbeat(member, generation, k * interval);
            detector.suspicion(member, k * interval + interval / 2);
        }
    }

    @Test
    void anUnknownMemberIsNotSuspectedAtFirst() {
        assertTrue(detector.report("stranger", 5 * SECOND).isEmpty());
        Suspicion suspicion = detector.suspicion("stranger", 5 * SECOND);
        assertEquals(Suspicion.none(8.0), suspicion);
        PeerReport report = detector.report("stranger", 5 * SECOND).orElseThrow();
        assertEquals(PhiAccrualDetector.UNKNOWN_GENERATION, report.generation());
        assertEquals(0, report.heartbeatsSeen());
    }

    /**
     * The detector started while gossip already knew a member that has since died: asked about it
     * every round, it times it from the first question, as if from a first heartbeat (mean 1000,
     * deviation 250 floored to 400, pause 500: crossing at 3590 ms), and suspects it at the 4th round.
     */
    @Test
    void aMemberNeverHeardOfIsTimedFromTheFirstQuestion() {
        long start = 100 * SECOND;
        for (int round = 0; round <= 3; round++) {
            assertFalse(detector.suspicion("silent", start + round * SECOND).suspect(), "round " + round);
        }
        assertTrue(detector.suspicion("silent", start + 4 * SECOND).suspect());
    }

    @Test
    void aHeartbeatAfterTheFirstQuestionStartsTheRealHistory() {
        detector.suspicion("late", 0);
        detector.heartbeat("late", 9, SECOND / 2);
        PeerReport report = detector.report("late", SECOND).orElseThrow();
        assertEquals(9, report.generation());
        assertEquals(1, report.heartbeatsSeen());
        assertEquals(500.0, report.lastHeartbeatAgeMs(), 1e-6);
        assertEquals(2, report.samples());
    }

    /**
     * New settings keep every member, timed from its last heartbeat: a member silent since 29 s
     * is suspected, with threshold 12, at {@code 29 + 1.5 + lateness(12) * 0.4} s (bootstrap mean
     * 1000 ms, deviation 250 floored to 400, pause 500), i.e. in round 33 when judged every round.
     */
    @Test
    void reconfiguringKeepsTheMembersAndTheirSilence() {
        steady("a", 3, 30);
        PhiAccrualDetector next = detector.reconfigured(IntervalModel.SETTINGS.withThreshold(12));
        PeerReport carried = next.report("a", 30 * SECOND).orElseThrow();
        assertEquals(3, carried.generation());
        assertEquals(1000.0, carried.lastHeartbeatAgeMs(), 1e-6);
        double crossing = 29 + (1000 + 500 + Phi.lateness(12) * 400) / 1000.0;
        long suspectedAt = -1;
        for (long round = 30; round <= 40 && suspectedAt < 0; round++) {
            if (next.suspicion("a", round * SECOND).suspect()) {
                suspectedAt = round;
            }
        }
        assertEquals((long) Math.ceil(crossing), suspectedAt);
        assertEquals(12.0, next.threshold());
    }

    @Test
    void phiGrowsWithTheTimeSinceTheLastHeartbeat() {
        SplittableRandom random = new SplittableRandom(3);
        long t = 0;
        for (int k = 0; k < 100; k++) {
            t += SECOND / 2 + random.nextLong(SECOND);
            detector.heartbeat("peer", 1, t);
        }
        double previous = -1;
        for (long age = 0; age <= 20 * SECOND; age += SECOND / 100) {
            double phi = detector.report("peer", t + age).orElseThrow().phi();
            assertTrue(phi >= previous, "phi fell at age " + age);
            previous = phi;
        }
        assertTrue(previous > 8, "20 s of silence must be suspicious, phi " + previous);
    }

    @Test
    void aFreshMemberIsJudgedByTheBootstrapEstimate() {
        detector.heartbeat("newcomer", 7, 0);
        // mean 1000, deviation 250 floored to 400, pause 500: crossing at 1500 + 5.226 * 400 = 3590 ms
        for (int round = 1; round <= 3; round++) {
            assertFalse(detector.suspicion("newcomer", round * SECOND).suspect());
        }
        assertFalse(detector.suspicion("newcomer", 3500_000_000L).suspect());
        assertTrue(detector.suspicion("newcomer", 3600_000_000L).suspect());
    }

    @Test
    void aHigherGenerationStartsAFreshHistory() {
        steady("peer", 1, 50, SECOND * 3 / 2);
        PeerReport before = detector.report("peer", 75 * SECOND).orElseThrow();
        assertEquals(50, before.heartbeatsSeen());
        assertTrue(before.meanIntervalMs() > 1400);

        detector.heartbeat("peer", 2, 75 * SECOND);
        PeerReport after = detector.report("peer", 75 * SECOND).orElseThrow();
        assertEquals(2, after.generation());
        assertEquals(1, after.heartbeatsSeen());
        assertEquals(2, after.samples());
        assertEquals(1000.0, after.meanIntervalMs(), 1e-9);
        assertFalse(detector.suspicion("peer", 76 * SECOND).suspect());
    }

    @Test
    void anOlderGenerationIsStaleNews() {
        steady("peer", 5, 10);
        detector.heartbeat("peer", 4, 10 * SECOND);
        PeerReport report = detector.report("peer", 10 * SECOND).orElseThrow();
        assertEquals(5, report.generation());
        assertEquals(10, report.heartbeatsSeen());
        assertEquals(1000.0, report.lastHeartbeatAgeMs(), 1e-6);
    }

    @Test
    void aForgottenMemberIsGone() {
        steady("peer", 1, 10);
        detector.forget("peer");
        assertTrue(detector.reports(20 * SECOND).isEmpty());
        assertFalse(detector.suspicion("peer", 60 * SECOND).suspect());
    }

    /**
     * This node stops for 10 s (no round, no heartbeat learned) right after a heartbeat; on resume
     * the gap is forgiven: nobody is suspected, and the pause is counted.
     */
    @Test
    void aLocalPauseSuspectsNobody() {
        steady("a", 1, 30);
        steady("b", 1, 30);
        long resume = 29 * SECOND + SECOND / 2 + 10 * SECOND;
        assertFalse(detector.suspicion("a", resume).suspect());
        assertFalse(detector.suspicion("b", resume).suspect());
        assertEquals(1, detector.localPauses());
        assertEquals(10 * SECOND, detector.localPausedNanos());
        // the peers are then judged from the resume on: silent for 4 more seconds, they are suspected
        assertTrue(detector.suspicion("a", resume + SECOND).phi() < 1);
        for (int k = 1; k <= 4; k++) {
            detector.suspicion("b", resume + k * SECOND);
        }
        assertTrue(detector.suspicion("a", resume + 4 * SECOND).suspect());
    }

    @Test
    void aHeartbeatAfterALocalPauseIsForgivenToo() {
        steady("a", 1, 30);
        steady("b", 1, 30);
        long resume = 29 * SECOND + SECOND / 2 + 10 * SECOND;
        detector.heartbeat("b", 1, resume);
        assertEquals(1, detector.localPauses());
        assertFalse(detector.suspicion("a", resume).suspect());
        // b's interval across the pause was shortened by the pause, not recorded as 10.5 s
        assertTrue(detector.report("b", resume).orElseThrow().meanIntervalMs() < 1001);
    }

    /** The same 10 s of silence while this node keeps running its rounds is a partition: suspected. */
    @Test
    void silenceWhileRunningIsNotAPause() {
        steady("a", 1, 30);
        boolean suspected = false;
        for (int k = 1; k <= 10; k++) {
            suspected |= detector.suspicion("a", 29 * SECOND + SECOND / 2 + k * SECOND).suspect();
        }
        assertTrue(suspected);
        assertEquals(0, detector.localPauses());
    }

    /**
     * Heartbeats with versions are judged by how late the next version is: versions learned in
     * pairs every 2 s are as regular as single ones every second, and a member that stops is
     * suspected about 2.3 s after its next version was due (1 s, plus y(8) times the 250 ms floor),
     * not 5 s after its last arrival. A restart (higher generation) starts a fresh history.
     */
    @Test
    void versionedHeartbeatsAreJudgedByTheNextVersionsDueTime() {
        PhiAccrualDetector versioned = new PhiAccrualDetector(DetectorSettings.defaults());
        for (int k = 1; k <= 60; k++) {
            versioned.heartbeat("a", 1, 2L * k, 2 * k * SECOND);
            versioned.suspicion("a", 2 * k * SECOND + SECOND / 2);
            versioned.suspicion("a", 2 * k * SECOND + SECOND + SECOND / 2);
        }
        long last = 120 * SECOND;
        long suspectedAt = -1;
        for (long t = last; t < last + 10 * SECOND && suspectedAt < 0; t += SECOND / 10) {
            if (versioned.suspicion("a", t).suspect()) {
                suspectedAt = t;
            }
        }
        double expected = 1000 + Phi.lateness(8) * 250;
        assertEquals(expected, (suspectedAt - last) / 1e6, 100.0);
        PeerReport report = versioned.report("a", suspectedAt).orElseThrow();
        assertEquals(1000.0, report.meanIntervalMs(), 1e-6, "the member's round, not the 2 s spacing");

        versioned.heartbeat("a", 2, 0, suspectedAt + SECOND);
        assertFalse(versioned.suspicion("a", suspectedAt + SECOND + SECOND / 2).suspect());
        assertEquals(2, versioned.report("a", suspectedAt + 2 * SECOND).orElseThrow().generation());
    }

    /** A local pause is forgiven with versioned heartbeats too. */
    @Test
    void aLocalPauseSuspectsNobodyWithVersionedHeartbeats() {
        PhiAccrualDetector versioned = new PhiAccrualDetector(DetectorSettings.defaults());
        for (int k = 0; k < 30; k++) {
            versioned.heartbeat("a", 1, k, k * SECOND);
            versioned.suspicion("a", k * SECOND + SECOND / 2);
        }
        long resume = 29 * SECOND + SECOND / 2 + 10 * SECOND;
        assertFalse(versioned.suspicion("a", resume).suspect());
        assertEquals(1, versioned.localPauses());
        boolean suspected = false;
        for (int k = 1; k <= 4; k++) {
            suspected |= versioned.suspicion("a", resume + k * SECOND).suspect();
        }
        assertTrue(suspected, "silent for 4 s after the resume");
    }

    @Test
    void reportsExplainEveryMember() {
        steady("b", 3, 20);
        steady("a", 4, 20);
        List<PeerReport> reports = detector.reports(21 * SECOND);
        assertEquals(List.of("a", "b"), reports.stream().map(PeerReport::member).toList());
        PeerReport a = reports.get(0);
        assertEquals(4, a.generation());
        assertEquals(8.0, a.threshold());
        assertEquals(a.phi() / 8.0, a.level(), 1e-12);
        assertEquals(a.phi() >= 8.0, a.suspect());
        assertEquals(2000.0, a.lastHeartbeatAgeMs(), 1e-6);
        assertEquals(20, a.heartbeatsSeen());
        assertEquals(21, a.samples());
        // 2 seeds (750, 1250) and 19 intervals of 1000: mean 1000, deviation sqrt(2 * 250^2 / 21)
        assertEquals(1000.0, a.meanIntervalMs(), 1e-9);
        assertEquals(Math.sqrt(2 * 250.0 * 250.0 / 21), a.stdDeviationMs(), 1e-6);
        assertEquals(detector.suspicion("a", 21 * SECOND).phi(), a.phi(), 1e-12);
    }
}
