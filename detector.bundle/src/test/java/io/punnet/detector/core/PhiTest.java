package io.punnet.detector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The phi function against values computed by hand from {@code phi = log10(1 + e^z)},
 * {@code z = y * (1.5976 + 0.070566 * y^2)}.
 */
class PhiTest {

    private static final double EPS = 1e-9;

    @Test
    void onTimeIsLogTwo() {
        // y = 0: z = 0, phi = log10(1 + 1) = 0.30102999566
        assertEquals(0.30102999566398120, Phi.ofNormalised(0), EPS);
    }

    @Test
    void handComputedValues() {
        // y = 1: z = 1.5976 + 0.070566 = 1.668166; e^z = 5.30217; log10(6.30217) = 0.79950832
        assertEquals(0.79950832083955980, Phi.ofNormalised(1), EPS);
        // y = 2: z = 2 * (1.5976 + 0.282264) = 3.759728; e^z = 42.9325; log10(43.9325) = 1.64282789
        assertEquals(1.64282788548711230, Phi.ofNormalised(2), EPS);
        // y = 3: z = 3 * (1.5976 + 0.635094) = 6.698082; e^z = 811.23; log10(812.23) = 2.90947533
        assertEquals(2.90947532648495380, Phi.ofNormalised(3), EPS);
        // y = -1: z = -1.668166; log10(1 + 0.188602) = 0.07503303
        assertEquals(0.07503303214094090, Phi.ofNormalised(-1), EPS);
    }

    @Test
    void inUnitsOfTime() {
        // elapsed 1700 ms, mean 1000, pause 500, sigma 100: y = 2
        assertEquals(Phi.ofNormalised(2), Phi.of(1700, 1000, 100, 500), EPS);
    }

    @Test
    void hugeLatenessStaysFinite() {
        // y = 100: z = 100 * (1.5976 + 705.66) = 70725.76; phi = z / ln 10 = 30716.0 (e^z would overflow)
        double phi = Phi.ofNormalised(100);
        assertTrue(Double.isFinite(phi));
        assertEquals(70725.76 / Math.log(10), phi, 1e-6);
    }

    @Test
    void latenessInvertsPhi() {
        // phi = 8 <=> z = ln(10^8 - 1) = 18.420680734; y (1.5976 + 0.070566 y^2) = 18.420680734 -> y = 5.2259866
        assertEquals(5.2259866, Phi.lateness(8), 1e-6);
        for (double threshold : new double[] {0.5, 1, 3, 8, 12, 16}) {
            assertEquals(threshold, Phi.ofNormalised(Phi.lateness(threshold)), 1e-9);
        }
    }

    @Test
    void strictlyIncreasing() {
        double previous = Phi.ofNormalised(-20);
        for (int i = -1999; i <= 2000; i++) {
            double phi = Phi.ofNormalised(i / 100.0);
            assertTrue(phi > previous, "phi must grow at y = " + i / 100.0);
            previous = phi;
        }
    }
}
