package io.punnet.detector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The window's statistics and phi against hand-computed values. Times are in ms, converted with
 * {@link #ms(double)}; every phi is {@code Phi.ofNormalised(y)} for a y computed by hand
 * (y = 2 gives 1.64282788548711 and y = 0 gives log10 2, see {@link PhiTest}).
 */
class ArrivalWindowTest {

    private static final double PHI_Y2 = 1.6428278854871123;
    private static final double EPS = 1e-9;

    /** The given window, min deviation and pause; threshold 8, first estimate 1000, ceiling 3000. */
    private static DetectorSettings settings(int window, long minStd, long pause) {
        return new DetectorSettings(window, 8, minStd, pause, 1000, 3000, 2000);
    }

    private static long ms(double millis) {
        return (long) (millis * 1_000_000L);
    }

    @Test
    void bootstrapIsTheFirstHeartbeatEstimate() {
        ArrivalWindow w = new ArrivalWindow(settings(10, 50, 0), ms(0));
        // seeded with 750 and 1250: mean 1000, population deviation 250
        assertEquals(2, w.samples());
        assertEquals(1000.0, w.meanMs(), EPS);
        assertEquals(250.0, w.stdDeviationMs(), EPS);
        // 1500 ms after the first heartbeat: y = (1500 - 1000) / 250 = 2
        assertEquals(PHI_Y2, w.phi(ms(1500)), EPS);
        // on time: y = 0
        assertEquals(Math.log10(2), w.phi(ms(1000)), EPS);
    }

    @Test
    void meanAndDeviationOfRecordedIntervals() {
        ArrivalWindow w = new ArrivalWindow(settings(2, 50, 0), ms(0));
        w.arrival(ms(900));
        w.arrival(ms(2000));
        // the window of 2 now holds 900 and 1100 (both seeds evicted): mean 1000, deviation 100
        assertEquals(1000.0, w.meanMs(), EPS);
        assertEquals(100.0, w.stdDeviationMs(), EPS);
        // 1200 ms after the last one: y = (1200 - 1000) / 100 = 2
        assertEquals(PHI_Y2, w.phi(ms(3200)), EPS);
        assertEquals(3, w.heartbeats());
    }

    @Test
    void acceptablePauseShiftsTheExpectation() {
        ArrivalWindow w = new ArrivalWindow(settings(2, 50, 500), ms(0));
        w.arrival(ms(900));
        w.arrival(ms(2000));
        // y = (1700 - 1000 - 500) / 100 = 2
        assertEquals(PHI_Y2, w.phi(ms(3700)), EPS);
    }

    @Test
    void minimumDeviationIsAFloor() {
        ArrivalWindow w = new ArrivalWindow(settings(2, 250, 0), ms(0));
        w.arrival(ms(1000));
        w.arrival(ms(2000));
        // intervals 1000 and 1000: deviation 0, floored to 250; y = (1500 - 1000) / 250 = 2
        assertEquals(0.0, w.stdDeviationMs(), EPS);
        assertEquals(PHI_Y2, w.phi(ms(3500)), EPS);
    }

    /**
     * Window 2 holding 900 and 1100 (mean 1000, deviation 100): phi would cross 8 at
     * {@code 1000 + 5.2259866 * 100 = 1522.59866} ms, so a 10 s interval is recorded as 1522.598 ms
     * (whole microseconds): the window then holds 1100 and 1522.598, mean 1311.299, deviation 211.299.
     */
    @Test
    void anIntervalBeyondTheCrossingIsRecordedAsTheCrossing() {
        ArrivalWindow w = new ArrivalWindow(settings(2, 50, 0), ms(0));
        w.arrival(ms(900));
        w.arrival(ms(2000));
        w.arrival(ms(12_000));
        assertEquals(1311.299, w.meanMs(), 1e-9);
        assertEquals(211.299, w.stdDeviationMs(), 1e-6);
        // the age still counts from the real last arrival: on time at 12000 + 1311.299, y = 0
        assertEquals(Math.log10(2), w.phi(ms(12_000 + 1311.299)), 1e-6);
    }

    /**
     * Intervals 1000 and 1000 with the deviation floored to 1000: the crossing would be at
     * 6226 ms, above the ceiling of 3000, so a 10 s interval is recorded as 3000: intervals
     * 1000 and 3000, mean 2000, deviation 1000.
     */
    @Test
    void noIntervalIsRecordedAboveTheCeiling() {
        ArrivalWindow w = new ArrivalWindow(settings(2, 1000, 0), ms(0));
        w.arrival(ms(1000));
        w.arrival(ms(2000));
        w.arrival(ms(12_000));
        assertEquals(2000.0, w.meanMs(), EPS);
        assertEquals(1000.0, w.stdDeviationMs(), EPS);
        // y = (4000 - 2000) / 1000 = 2
        assertEquals(PHI_Y2, w.phi(ms(16_000)), EPS);
    }

    /**
     * A link that turns lossy: after a clean 1 s history, a 6 s gap every fifth heartbeat. The
     * first one is far beyond the crossing (about 3.6 s) and is recorded at the crossing; each
     * such record widens the window, until 6 s gaps no longer reach the threshold. A fixed cap
     * near the normal interval would never get there.
     */
    @Test
    void aLinkWithLongGapsIsLearnedStepByStep() {
        ArrivalWindow w = new ArrivalWindow(IntervalModel.SETTINGS, 0);
        long now = 0;
        for (int k = 0; k < 300; k++) {
            now += ms(1000);
            w.arrival(now);
        }
        double firstPhi = w.phi(now + ms(6000));
        assertTrue(firstPhi > 8, "a 6 s gap must at first be suspicious, phi " + firstPhi);
        int cycles = 0;
        double previous = firstPhi;
        while (w.phi(now + ms(6000)) >= 8 && cycles < 100) {
            now += ms(6000);
            w.arrival(now);
            for (int k = 0; k < 4; k++) {
                now += ms(1000);
                w.arrival(now);
            }
            double phi = w.phi(now + ms(6000));
            assertTrue(phi < previous, "each long gap must lower the phi of the next, cycle " + cycles);
            previous = phi;
            cycles++;
        }
        assertTrue(w.phi(now + ms(6000)) < 8, "still suspicious after " + cycles + " cycles");
    }

    @Test
    void outOfOrderArrivalAddsNoInterval() {
        ArrivalWindow w = new ArrivalWindow(settings(10, 50, 0), ms(1000));
        w.arrival(ms(1000));
        w.arrival(ms(500));
        assertEquals(2, w.samples());
        assertEquals(ms(1000), w.lastArrivalNanos());
        assertEquals(3, w.heartbeats());
    }

    @Test
    void forgivenPauseMovesTheLastArrival() {
        ArrivalWindow w = new ArrivalWindow(settings(10, 50, 0), ms(0));
        w.forgive(ms(5000));
        // as if the heartbeat had come at 5000: y = (6500 - 5000 - 1000) / 250 = 2
        assertEquals(PHI_Y2, w.phi(ms(6500)), EPS);
    }

    @Test
    void runningStatisticsMatchARecomputation() {
        int window = 7;
        // a deviation floor of 2 s puts the crossing beyond every interval drawn: none is capped
        ArrivalWindow w = new ArrivalWindow(settings(window, 2000, 0), 0);
        SplittableRandom random = new SplittableRandom(42);
        long[] intervals = new long[500];
        long now = 0;
        for (int i = 0; i < intervals.length; i++) {
            intervals[i] = 1 + random.nextLong(2_999_999);
            now += intervals[i] * 1_000;
            w.arrival(now);
            int n = Math.min(i + 1, window);
            if (n == window) {
                double sum = 0;
                double squares = 0;
                for (int k = i - window + 1; k <= i; k++) {
                    sum += intervals[k] / 1000.0;
                    squares += (intervals[k] / 1000.0) * (intervals[k] / 1000.0);
                }
                double mean = sum / window;
                assertEquals(mean, w.meanMs(), 1e-6, "mean after " + i);
                assertEquals(Math.sqrt(squares / window - mean * mean), w.stdDeviationMs(), 1e-3,
                        "deviation after " + i);
            }
        }
        assertEquals(window, w.samples());
    }

    @Test
    void badSettingsAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectorSettings(1, 8, 100, 0, 1000, 4000, 2000));
        assertEquals("windowSize must be 2..2000 (was 1)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 0, 100, 0, 1000, 4000, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 8, 0, 0, 1000, 4000, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 8, 100, -1, 1000, 4000, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 8, 100, 0, 1000, 999, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 8, 100, 0, 1000, 4000, 0));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(10, 8, 100, 0, 1000, 4000, 1000));
        assertThrows(IllegalArgumentException.class,
                () -> new DetectorSettings(10, Double.NaN, 100, 0, 1000, 4000, 2000));
    }
}
