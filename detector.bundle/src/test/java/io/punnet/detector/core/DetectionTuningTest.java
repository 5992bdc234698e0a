package io.punnet.detector.core;

import static io.punnet.detector.core.HeartbeatScenario.ROUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The default settings against the real cluster's arrivals (see {@link HeartbeatScenario}):
 * 1 s rounds, heartbeats learned through gossip up to one round late, 20 to 40 % loss making
 * some intervals 2 to 3 s. The bounds are derived here from {@link IntervalModel#SETTINGS}:
 * threshold 8 (normalised lateness {@code y* = 5.226}), min deviation 400 ms, acceptable pause
 * 500 ms, window 200.
 *
 * <p>Jittered arrivals {@code k + U(0, 1)} s have intervals {@code 1 + U1 - U2} s: mean 1 s,
 * deviation {@code sqrt(1/6) = 0.408} s, range (0, 2) s. Over a window of 200 the estimates stay
 * within mean 0.9 to 1.1 s and deviation 0.40 (the floor) to 0.45 s.
 */
class DetectionTuningTest {

    private static final DetectorSettings DEFAULTS = IntervalModel.SETTINGS;
    private static final double Y_STAR = Phi.lateness(DEFAULTS.threshold());
    private static final long HISTORY = 300 * ROUND;

    /**
     * One hour of jittered heartbeats is never suspected. The largest gap is under 2 s, so
     * {@code y <= (2 - 0.9 - 0.5) / 0.4 = 1.5} and phi stays under {@code phi(1.5) = 1.2}.
     */
    @Test
    void steadyJitteredHeartbeatsAreNeverSuspected() {
        for (long seed = 0; seed < 20; seed++) {
            HeartbeatScenario scenario = HeartbeatScenario.jittered(seed);
            long end = 3600 * ROUND;
            HeartbeatScenario.Result result = HeartbeatScenario.drive(new PhiAccrualDetector(DEFAULTS),
                    scenario.arrivals(Long.MAX_VALUE, end), scenario.phase(), end);
            assertEquals(-1, result.firstSuspicionNanos(), "seed " + seed);
            assertTrue(result.maxPhiBeforeSuspicion() < Phi.ofNormalised(1.5),
                    "seed " + seed + ": phi " + result.maxPhiBeforeSuspicion());
        }
    }

    /**
     * Exactly regular 1 s heartbeats, then none. After 300 heartbeats the window holds 200
     * intervals of exactly 1000 ms (the bootstrap is evicted): mean 1000, deviation 0, floored to
     * 400. Phi reaches 8 at
     * {@code X = 1000 + 500 + 5.22599 * 400 = 3590.4} ms after the last heartbeat; evaluated
     * every 10 ms, the first suspicion comes at {@code Y = 3600} ms. So: suspected between X and Y.
     */
    @Test
    void aStopIsSuspectedWithinTheComputedBound() {
        PhiAccrualDetector detector = new PhiAccrualDetector(DEFAULTS);
        long last = 0;
        for (int k = 0; k < 300; k++) {
            last = k * ROUND;
            detector.heartbeat("peer", 1, last);
        }
        double crossingMs = 1000 + 500 + Y_STAR * 400;
        assertEquals(3590.4, crossingMs, 0.05);
        long step = 10_000_000L;
        long suspectedAt = -1;
        for (long t = last + step; t <= last + 10 * ROUND && suspectedAt < 0; t += step) {
            if (detector.suspicion("peer", t).suspect()) {
                suspectedAt = t;
            }
        }
        double delayMs = (suspectedAt - last) / 1e6;
        assertTrue(delayMs >= crossingMs && delayMs <= 3600, "suspected " + delayMs + " ms after the last heartbeat");
    }

    /**
     * A 60 s partition heals, then the member dies 20 heartbeats later. The partition's interval is
     * recorded at the crossing (3590.4 ms), so the window holds 199 intervals of 1000 ms and one of
     * 3590.4: mean 1012.95, deviation 182.7 (floored to 400), and the member is suspected
     * {@code 1012.95 + 500 + 5.226 * 400 = 3603.3} ms after its last heartbeat, within the next 10 ms
     * step. (Recorded raw, the 60 s would make it mean 1295, deviation 4170 ms: 23 s of deafness.)
     */
    @Test
    void aHealedPartitionDoesNotMakeTheDetectorDeaf() {
        PhiAccrualDetector detector = new PhiAccrualDetector(DEFAULTS);
        long step = 10_000_000L;
        long now = 0;
        boolean suspectedDuringPartition = false;
        for (int k = 0; k < 300; k++) {
            detector.heartbeat("peer", 1, k * ROUND);
        }
        long partitionEnd = 299 * ROUND + 60 * ROUND;
        for (now = 299 * ROUND + step; now < partitionEnd; now += step) {
            suspectedDuringPartition |= detector.suspicion("peer", now).suspect();
        }
        assertTrue(suspectedDuringPartition);
        long last = partitionEnd;
        for (int k = 0; k <= 20; k++) {
            last = partitionEnd + k * ROUND;
            for (; now < last; now += step) {
                detector.suspicion("peer", now);
            }
            detector.heartbeat("peer", 1, last);
        }
        assertEquals(1012.95, detector.report("peer", last).orElseThrow().meanIntervalMs(), 0.01);
        long suspectedAt = -1;
        for (now = last + step; now <= last + 30 * ROUND && suspectedAt < 0; now += step) {
            if (detector.suspicion("peer", now).suspect()) {
                suspectedAt = now;
            }
        }
        double delayMs = (suspectedAt - last) / 1e6;
        assertTrue(delayMs >= 3603.3 && delayMs <= 3613.3, "suspected " + delayMs + " ms after the last heartbeat");
    }

    /**
     * A member killed after 300 s of jittered heartbeats, judged by a node evaluating once per
     * round, over 300 seeds. The phi crossing after the last arrival is
     * {@code c = mean + 0.5 + 5.226 * sigma}, in {@code [0.9 + 0.5 + 2.09, 1.1 + 0.5 + 2.35] =
     * [3.49, 3.95]} s; the suspicion comes at the first round at or after it, so
     * {@code [c, c + 1)} after the last arrival. The last arrival is within one round of the kill
     * either way (the last version is issued up to 1 s before it and arrives up to 1 s late), so
     * the delay after the kill is in {@code (2.49, 5.95)} s and its median in {@code [3.49, 4.95]}.
     */
    @Test
    void aKilledMemberIsSuspectedWithinTheComputedBounds() {
        int runs = 300;
        long[] afterKill = new long[runs];
        for (int seed = 0; seed < runs; seed++) {
            HeartbeatScenario scenario = HeartbeatScenario.jittered(seed);
            long kill = HISTORY + scenario.phase();
            long end = kill + 20 * ROUND;
            HeartbeatScenario.Result result = HeartbeatScenario.drive(new PhiAccrualDetector(DEFAULTS),
                    scenario.arrivals(kill, end), scenario.phase(), end);
            assertTrue(result.firstSuspicionNanos() > kill, "seed " + seed + " suspected before the kill");
            double afterLast = (result.firstSuspicionNanos() - result.lastArrivalNanos()) / 1e9;
            assertTrue(afterLast >= 3.49 && afterLast < 4.95, "seed " + seed + ": " + afterLast + " s after the last");
            afterKill[seed] = result.firstSuspicionNanos() - kill;
        }
        Arrays.sort(afterKill);
        double median = afterKill[runs / 2] / 1e9;
        assertTrue(afterKill[0] / 1e9 > 2.49 && afterKill[runs - 1] / 1e9 < 5.95, Arrays.toString(afterKill));
        assertTrue(median >= 3.49 && median <= 4.95, "median " + median);
        System.out.printf("detector defaults, jittered 1 s heartbeats: suspected after the kill min %.2f p10 %.2f "
                + "median %.2f p90 %.2f max %.2f s (%d runs)%n", afterKill[0] / 1e9, afterKill[runs / 10] / 1e9,
                median, afterKill[runs * 9 / 10] / 1e9, afterKill[runs - 1] / 1e9, runs);
    }

    /**
     * 20 to 40 % loss after 5 minutes of clean history, for 30 minutes, with gaps of up to 3 s:
     * never suspected. The worst case is a 3 s gap against the clean history:
     * {@code y <= (3 - 0.9 - 0.5) / 0.4 = 4.0}, phi at most {@code phi(4.0) = 4.74}, well under 8.
     */
    @Test
    void aLossyNetworkNeverReachesTheThreshold() {
        for (double loss : new double[] {0.2, 0.3, 0.4}) {
            for (long seed = 0; seed < 30; seed++) {
                HeartbeatScenario scenario = new HeartbeatScenario(ROUND, loss, 3 * ROUND, HISTORY, seed);
                long end = HISTORY + 1800 * ROUND;
                HeartbeatScenario.Result result = HeartbeatScenario.drive(new PhiAccrualDetector(DEFAULTS),
                        scenario.arrivals(Long.MAX_VALUE, end), scenario.phase(), end);
                String run = "loss " + loss + " seed " + seed;
                assertEquals(-1, result.firstSuspicionNanos(), run);
                assertTrue(result.longestGapNanos() > 2 * ROUND, run + ": the loss must make long gaps");
                assertTrue(result.maxPhiBeforeSuspicion() < Phi.ofNormalised(4.0),
                        run + ": phi " + result.maxPhiBeforeSuspicion());
            }
        }
    }
}
