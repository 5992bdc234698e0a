package io.punnet.detector.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The law of the acceptable pause: heartbeats every {@code I} with up to {@code N} missing in a row
 * never reach the threshold when {@code N * I < acceptablePause}, whatever the other settings.
 *
 * <p>Why: every recorded interval is a multiple of {@code I}, at least {@code I} (the bootstrap
 * seeds, with the first-heartbeat estimate set to {@code I}, average {@code I} and the smaller is
 * evicted first; an interval is capped at the threshold crossing, which lies above the mean, or at
 * the ceiling, which is at least {@code I}), so the mean is at least {@code I}. The longest
 * silence is {@code (N + 1) * I}, so {@code y <= (N * I - acceptablePause) / sigma < 0} and phi
 * stays below {@code phi(0) = log10 2 = 0.30}, under any threshold from 1 up.
 */
class MissedHeartbeatPropertyTest {

    private static final long MS = 1_000_000L;

    @Property(tries = 300)
    void missingFewerThanThePauseNeverSuspects(@ForAll @IntRange(min = 100, max = 2000) int intervalMs,
            @ForAll @IntRange(min = 0, max = 10) int maxMissing,
            @ForAll @IntRange(min = 1, max = 5000) int slackMs,
            @ForAll @LongRange(min = 1, max = 2000) long minStdMs,
            @ForAll @IntRange(min = 2, max = 300) int window,
            @ForAll @DoubleRange(min = 1, max = 16) double threshold,
            @ForAll @IntRange(min = 1, max = 12) int capInIntervals,
            @ForAll @DoubleRange(min = 0, max = 0.9) double loss,
            @ForAll long seed) {
        long pauseMs = (long) maxMissing * intervalMs + slackMs;
        long capMs = Math.min(DetectorSettings.MAX_INTERVAL_LIMIT_MS, (long) intervalMs * capInIntervals);
        DetectorSettings settings = new DetectorSettings(window, threshold, minStdMs, pauseMs, intervalMs, capMs,
                Math.max(DetectorSettings.MAX_LOCAL_PAUSE_DEFAULT_MS, 2L * intervalMs));
        PhiAccrualDetector detector = new PhiAccrualDetector(settings);
        SplittableRandom random = new SplittableRandom(seed);
        long interval = intervalMs * MS;
        int missedInARow = 0;
        double maxPhi = 0;
        detector.heartbeat("peer", 1, 0);
        long lastArrival = 0;
        for (int k = 1; k <= 400; k++) {
            long due = k * interval;
            // evaluate half way through and at the very end of every interval, as rounds would
            maxPhi = Math.max(maxPhi, detector.suspicion("peer", due - interval / 2).phi());
            maxPhi = Math.max(maxPhi, detector.suspicion("peer", due).phi());
            if (missedInARow < maxMissing && random.nextDouble() < loss) {
                missedInARow++;
            } else {
                missedInARow = 0;
                detector.heartbeat("peer", 1, due);
                lastArrival = due;
            }
        }
        assertTrue(maxPhi < Math.log10(2) && maxPhi < threshold, "phi reached " + maxPhi);
        assertTrue(lastArrival > 0);
    }
}
