package io.punnet.detector.core;

/**
 * The phi function of the accrual detector: how improbable it is that a heartbeat still has not
 * arrived {@code elapsed} after the previous one, on a base-10 log scale.
 *
 * <p>Inter-arrival intervals are modelled as normally distributed with mean {@code mu} and
 * standard deviation {@code sigma} (Hayashibara et al.; Akka's variant), the mean extended by an
 * acceptable pause {@code p}:
 * <pre>
 *   y   = (elapsed - mu - p) / sigma
 *   phi = -log10(1 - F(y))                  F = the standard normal CDF
 * </pre>
 * {@code F} is taken from the logistic approximation of Bowling et al. (2009),
 * {@code 1 - F(y) ~ 1 / (1 + e^z)} with {@code z = y * (1.5976 + 0.070566 * y^2)}, which gives
 * the closed form
 * <pre>
 *   phi = log10(1 + e^z)
 * </pre>
 * evaluated here without overflow for any {@code y}. Phi grows strictly with {@code elapsed}:
 * 0.301 at {@code y = 0}, 1 at {@code y = 1.12}, 8 at {@code y = 5.226}.
 */
public final class Phi {

    static final double A = 1.5976;
    static final double B = 0.070566;
    private static final double LN10 = Math.log(10.0);

    private Phi() {
    }

    /**
     * Phi for a normalised lateness {@code y} (how many standard deviations past the expected
     * arrival, pause included).
     */
    public static double ofNormalised(double y) {
        double z = y * (A + B * y * y);
        // log10(1 + e^z) = (z + log(1 + e^-z)) / ln 10 for z > 0, which never overflows.
        return z > 0 ? (z + Math.log1p(Math.exp(-z))) / LN10 : Math.log1p(Math.exp(z)) / LN10;
    }

    /**
     * Phi of a heartbeat that is {@code elapsedMs} overdue against intervals of mean {@code meanMs}
     * and standard deviation {@code stdDevMs} (already floored, &gt; 0), with an acceptable pause.
     */
    public static double of(double elapsedMs, double meanMs, double stdDevMs, double acceptablePauseMs) {
        return ofNormalised((elapsedMs - meanMs - acceptablePauseMs) / stdDevMs);
    }

    /**
     * The normalised lateness {@code y} at which phi equals {@code threshold}: the inverse of
     * {@link #ofNormalised}. Time to suspicion after the last heartbeat is then
     * {@code mean + pause + y * sigma}.
     */
    public static double lateness(double threshold) {
        double lo = -50;
        double hi = 50;
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            if (ofNormalised(mid) < threshold) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
