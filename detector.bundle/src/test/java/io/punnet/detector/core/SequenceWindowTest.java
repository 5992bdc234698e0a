package io.punnet.detector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The version-aware window: how late the next heartbeat version is. */
class SequenceWindowTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final double Y8 = Phi.lateness(8);

    private static DetectorSettings settings(int window, long minStd, long pause) {
        return new DetectorSettings(window, 8, minStd, pause, 1000, 30_000, 2000);
    }

    /** The first time at which the window suspects, searched in 1 ms steps from {@code from}. */
    private static long crossing(SequenceWindow w, long from) {
        for (long t = from; t < from + 60 * SECOND; t += MS) {
            if (w.suspect(t)) {
                return t;
            }
        }
        throw new AssertionError("never suspected");
    }

    @Test
    void aPeerHeardOnceIsJudgedByTheEstimateWithAQuarterRoundOfSpread() {
        SequenceWindow w = new SequenceWindow(settings(10, 50, 0), 0, 7);
        // Next version expected at 1 s; sigma sqrt(2 (250 ms)^2 / 3) = 204.1 ms from the prior.
        double expected = 1000 + Y8 * Math.sqrt(2 * 250.0 * 250 / 3);
        assertEquals(expected, crossing(w, 0) / (double) MS, 1.0);
        assertEquals(1000.0, w.meanMs(), 1e-9);
        assertEquals(7, w.lastVersion());
        assertTrue(w.phi(crossing(w, 0)) >= 8 - 1e-6);
        assertTrue(w.phi(crossing(w, 0) - MS) < 8);
    }

    /**
     * Versions made every second but learned at random ages (0 to 2 s, as through gossip): the
     * window's period is the peer's round, its deviation the spread of the ages, both as a direct
     * least-squares fit over the window computes them, over many evictions and rebases.
     */
    @Test
    void periodAndDeviationMatchALeastSquaresFitOfTheWindow() {
        int size = 32;
        // A pause far beyond any age, so that no arrival is late enough to be capped.
        SequenceWindow w = new SequenceWindow(settings(size, 1, 60_000), 0, 0);
        SplittableRandom random = new SplittableRandom(7);
        long[] t = new long[1000];
        long[] v = new long[1000];
        long version = 0;
        for (int i = 1; i < t.length; i++) {
            version += 1 + (random.nextInt(4) == 0 ? 1 : 0);
            v[i] = version;
            t[i] = version * SECOND + (long) (random.nextDouble() * 2 * SECOND);
            t[i] = Math.max(t[i], t[i - 1]);
            w.arrival(t[i], v[i]);
            if (i >= size && i % 37 == 0) {
                double[] fit = fit(t, v, i - size + 1, i);
                assertEquals(fit[0], w.meanMs(), 1e-3, "period at " + i);
                assertEquals(fit[1], w.stdDeviationMs(), 1e-3, "deviation at " + i);
            }
        }
    }

    /** Least-squares slope (ms per version) and residual deviation (ms) of samples from..to. */
    private static double[] fit(long[] t, long[] v, int from, int to) {
        int n = to - from + 1;
        double mt = 0;
        double mv = 0;
        for (int i = from; i <= to; i++) {
            mt += t[i] / 1e6;
            mv += v[i];
        }
        mt /= n;
        mv /= n;
        double cov = 0;
        double var = 0;
        for (int i = from; i <= to; i++) {
            cov += (t[i] / 1e6 - mt) * (v[i] - mv);
            var += (v[i] - mv) * (v[i] - mv);
        }
        double slope = cov / var;
        double res = 0;
        for (int i = from; i <= to; i++) {
            double r = t[i] / 1e6 - mt - slope * (v[i] - mv);
            res += r * r;
        }
        return new double[] {slope, Math.sqrt(res / n)};
    }

    /**
     * Two versions at once every two seconds (learned through a third member) is as regular as one
     * every second: the deviation stays at 0, and a silence is judged from when the next version
     * was due, not from the spacing of arrivals.
     */
    @Test
    void versionsArrivingInPairsAreRegular() {
        SequenceWindow w = new SequenceWindow(settings(50, 100, 0), 0, 0);
        for (int k = 1; k <= 40; k++) {
            w.arrival(k * 2 * SECOND, 2L * k);
        }
        assertEquals(0.0, w.stdDeviationMs(), 1e-6);
        assertEquals(1000.0, w.meanMs(), 1e-6);
        long last = 80 * SECOND;
        // Next version (81) due at 81 s; sigma: 40 samples at 0 spread and the prior, floored at 100 ms.
        double sigma = Math.max(Math.sqrt(2 * 250.0 * 250 / 43), 100);
        assertEquals(1000 + Y8 * sigma, (crossing(w, last) - last) / (double) MS, 1.0);
    }

    /** The peer was paused (its version jumped with its clock): the next arrival ends all doubt. */
    @Test
    void aPeerThatWasPausedIsOnTimeAgainAtItsNextVersion() {
        SequenceWindow w = new SequenceWindow(settings(50, 250, 0), 300 * MS, 0);
        for (int k = 1; k <= 30; k++) {
            w.arrival(k * SECOND + 300 * MS, k);
        }
        assertTrue(w.suspect(40 * SECOND), "silent for ten seconds");
        w.arrival(41 * SECOND + 300 * MS, 41);
        assertFalse(w.suspect(42 * SECOND), "on time again");
        assertEquals(1000.0, w.meanMs(), 1.0);
    }

    /** A version later than the crossing is recorded as if it came at the crossing. */
    @Test
    void aVersionLaterThanTheCrossingIsRecordedAtTheCrossing() {
        SequenceWindow w = new SequenceWindow(settings(50, 100, 0), 0, 0);
        for (int k = 1; k <= 30; k++) {
            w.arrival(k * SECOND, k);
        }
        long crossing = crossing(w, 30 * SECOND);
        w.arrival(crossing + 20 * SECOND, 31);
        SequenceWindow reference = new SequenceWindow(settings(50, 100, 0), 0, 0);
        for (int k = 1; k <= 30; k++) {
            reference.arrival(k * SECOND, k);
        }
        reference.arrival(crossing, 31);
        assertEquals(reference.stdDeviationMs(), w.stdDeviationMs(), 0.01);
        assertEquals(crossing + 20 * SECOND, w.lastArrivalNanos(), "the real arrival is what the report shows");
    }

    @Test
    void anOldOrRepeatedVersionAddsNothing() {
        SequenceWindow w = new SequenceWindow(settings(10, 50, 0), 0, 5);
        w.arrival(SECOND, 6);
        w.arrival(2 * SECOND, 6);
        w.arrival(3 * SECOND, 4);
        assertEquals(2, w.samples());
        assertEquals(2, w.heartbeats());
        assertEquals(SECOND, w.lastArrivalNanos());
    }

    @Test
    void aForgivenLocalPauseMovesTheCrossingUntilTheNextArrival() {
        SequenceWindow w = new SequenceWindow(settings(10, 50, 0), 0, 0);
        long before = crossing(w, 0);
        w.forgive(5 * SECOND);
        assertEquals(before + 5 * SECOND, crossing(w, 0));
        assertEquals(5 * SECOND, w.lastArrivalNanos());
        w.arrival(SECOND, 1);
        assertEquals(SECOND, w.lastArrivalNanos());
        assertTrue(crossing(w, SECOND) < before + 2 * SECOND);
    }

    /** A peer on 500 ms rounds, judged by a node that assumes 1 s: the period is learned. */
    @Test
    void thePeersRoundIsLearnedOnceTheWindowSpansEnoughVersions() {
        SequenceWindow w = new SequenceWindow(settings(100, 50, 0), 0, 0);
        for (int k = 1; k < SequenceWindow.MIN_SPAN_FOR_SLOPE; k++) {
            w.arrival(k * 500 * MS, k);
        }
        assertEquals(1000.0, w.meanMs(), 1e-9, "the estimate until the window spans enough versions");
        w.arrival(SequenceWindow.MIN_SPAN_FOR_SLOPE * 500 * MS, SequenceWindow.MIN_SPAN_FOR_SLOPE);
        assertEquals(500.0, w.meanMs(), 1e-6);
    }

    @Test
    void theAcceptablePauseIsAddedToTheExpectation() {
        SequenceWindow plain = new SequenceWindow(settings(10, 50, 0), 0, 0);
        SequenceWindow slack = new SequenceWindow(settings(10, 50, 700), 0, 0);
        assertEquals(crossing(plain, 0) + 700 * MS, crossing(slack, 0));
    }
}
