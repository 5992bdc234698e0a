package io.punnet.detector.core;

/**
 * The knobs of the phi accrual failure detector, all in milliseconds unless the name says otherwise.
 *
 * <h2>Why the defaults are what they are</h2>
 * Gossip hands the detector each newer heartbeat with its version, and the version keeps pace with
 * the member's clock (one per 1 s round), so the detector judges how late the <em>next</em> version
 * is ({@link SequenceWindow}): phi reaches the threshold {@code T} at
 * <pre>
 *   expected arrival of the next version + acceptablePause + y(T) * max(sigma, minStdDev),   y(8) = 5.226
 * </pre>
 * where sigma is the spread of the versions' arrival times around the member's clock (in the
 * simulator at N=10: about 0.5 s on a clean network, 1.1 s at 40 % loss, against 0.7 s and more for
 * the spacing of arrivals). The spread is learned, so the detector adapts to the network it sees;
 * the slack on top of it is therefore small: no acceptable pause, a floor of a quarter round. A
 * crash is then suspected by every survivor at about the same time (they all judge the same last
 * version), and gossip's confirmation quorum turns the suspicions into a verdict within a round.
 *
 * <p>Measured in the simulator (gossip's {@code ConvergenceBenchmark} settings, 10 seeds per row,
 * quorum 0.5): a crash is seen DEAD by every survivor after a median of 4.15 s at N=10 (5.85 s at
 * N=20), against 5.9 s with the interval model and the former defaults (400 ms floor, 500 ms pause);
 * 0 false convictions at 40 % loss on every link over 3 × 300 s, at both N. The former defaults with
 * the sequence model gave 5.0 s; a 300 ms floor and 250 ms pause 4.9 s.
 *
 * <p>Heartbeats that come without a version (an older gossip bundle) are judged by the spacing of
 * their arrivals ({@link ArrivalWindow}): phi reaches the threshold at
 * {@code mean + acceptablePause + y(T) * max(stdDev, minStdDev)} after the last one. With these
 * defaults a steady 1 s history crosses 2.3 s after the last heartbeat; a 3 s gap reaches phi 8 on
 * a perfectly regular history, so give such a node a 400 ms floor and 500 ms pause (3.6 s crossing).
 *
 * <h2>The knobs</h2>
 * <ul>
 *   <li>{@code threshold} 8: phi 8 means "a heartbeat this late would happen once in 10^8 under
 *       the observed distribution" (Cassandra's and Akka's usual value).</li>
 *   <li>{@code minStdDeviationMs} 250: a perfectly regular history would otherwise make the
 *       detector convict at the first slightly late heartbeat; a quarter round, half the spread
 *       gossip-learned versions show on a clean network. Smaller detects sooner and risks false
 *       suspicions on the first loss burst.</li>
 *   <li>{@code acceptableHeartbeatPauseMs} 0: slack added to the expectation. Larger tolerates
 *       longer gaps at the cost of the same amount of detection delay.</li>
 *   <li>{@code firstHeartbeatEstimateMs} 1000: the gossip interval; seeds a fresh window with two
 *       intervals (0.75 and 1.25 times it) so a new member is judged by a plausible history, not
 *       convicted (or ignored) for having none.</li>
 *   <li>{@code windowSize} 200 samples: about three minutes of history at 1 s; large enough for a
 *       stable deviation, small enough to adapt within minutes when a link turns lossy.</li>
 *   <li>{@code maxIntervalMs} 30000: the absolute ceiling of a recorded interval. The working cap
 *       is adaptive: an interval longer than the threshold crossing (a partition that healed, a
 *       peer that was unreachable) is recorded as the crossing interval (see
 *       {@link ArrivalWindow}), so one outage does not make the detector deaf for the next few
 *       hundred heartbeats, while the long gaps of a really lossy link are still learned. The
 *       ceiling only matters once the crossing itself is that long (a link losing most packets).</li>
 *   <li>{@code maxLocalPauseMs} 2000: when nothing happened on this node (no evaluation round, no
 *       heartbeat) for longer than this, the node itself was paused (GC, a starved Pi) and the gap
 *       is forgiven. Must exceed the spacing of gossip rounds (1 s) and stay below the crossing
 *       time (3.6 s), or a pause long enough to convict would go unnoticed.</li>
 * </ul>
 *
 * @param windowSize                 how many samples (arrivals, or intervals) each peer's window keeps (2..2000)
 * @param threshold                  the phi at which a peer is suspected (&gt; 0)
 * @param minStdDeviationMs          the floor of the standard deviation used by phi (&gt; 0)
 * @param acceptableHeartbeatPauseMs slack added to the mean interval (&ge; 0)
 * @param firstHeartbeatEstimateMs   the interval assumed for a peer that has no history yet (&gt; 0)
 * @param maxIntervalMs              no interval is recorded as longer than this (below it, intervals
 *                                   are capped at the threshold crossing) (&ge; firstHeartbeatEstimateMs,
 *                                   &le; 60000)
 * @param maxLocalPauseMs            a gap in local activity longer than this is a local pause
 *                                   (&gt; firstHeartbeatEstimateMs)
 */
public record DetectorSettings(int windowSize, double threshold, long minStdDeviationMs,
        long acceptableHeartbeatPauseMs, long firstHeartbeatEstimateMs, long maxIntervalMs,
        long maxLocalPauseMs) {

    public static final int WINDOW_SIZE_DEFAULT = 200;
    public static final double THRESHOLD_DEFAULT = 8.0;
    public static final long MIN_STD_DEVIATION_DEFAULT_MS = 250;
    public static final long ACCEPTABLE_HEARTBEAT_PAUSE_DEFAULT_MS = 0;
    public static final long FIRST_HEARTBEAT_ESTIMATE_DEFAULT_MS = 1000;
    public static final long MAX_INTERVAL_DEFAULT_MS = 30_000;
    public static final long MAX_LOCAL_PAUSE_DEFAULT_MS = 2000;

    /** The largest window: keeps the exact sums of squared microseconds within a long. */
    public static final int WINDOW_SIZE_MAX = 2000;
    /** The largest interval cap, for the same reason. */
    public static final long MAX_INTERVAL_LIMIT_MS = 60_000;

    /** Checks every value; a bad one is an {@link IllegalArgumentException} naming it. */
    public DetectorSettings {
        require(windowSize >= 2 && windowSize <= WINDOW_SIZE_MAX, "windowSize must be 2.." + WINDOW_SIZE_MAX,
                windowSize);
        require(threshold > 0 && Double.isFinite(threshold), "threshold must be a positive number", threshold);
        require(minStdDeviationMs > 0, "minStdDeviationMs must be > 0", minStdDeviationMs);
        require(acceptableHeartbeatPauseMs >= 0, "acceptableHeartbeatPauseMs must be >= 0", acceptableHeartbeatPauseMs);
        require(firstHeartbeatEstimateMs > 0, "firstHeartbeatEstimateMs must be > 0", firstHeartbeatEstimateMs);
        require(maxIntervalMs >= firstHeartbeatEstimateMs && maxIntervalMs <= MAX_INTERVAL_LIMIT_MS,
                "maxIntervalMs must be between firstHeartbeatEstimateMs and " + MAX_INTERVAL_LIMIT_MS, maxIntervalMs);
        require(maxLocalPauseMs > firstHeartbeatEstimateMs,
                "maxLocalPauseMs must exceed firstHeartbeatEstimateMs (the gossip interval), or every round would "
                        + "look like a pause of this node and nobody would ever be suspected", maxLocalPauseMs);
    }

    /** The defaults explained in the class comment, tuned for 1 s gossip rounds. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(WINDOW_SIZE_DEFAULT, THRESHOLD_DEFAULT, MIN_STD_DEVIATION_DEFAULT_MS,
                ACCEPTABLE_HEARTBEAT_PAUSE_DEFAULT_MS, FIRST_HEARTBEAT_ESTIMATE_DEFAULT_MS, MAX_INTERVAL_DEFAULT_MS,
                MAX_LOCAL_PAUSE_DEFAULT_MS);
    }

    /** A copy with another threshold. */
    public DetectorSettings withThreshold(double newThreshold) {
        return new DetectorSettings(windowSize, newThreshold, minStdDeviationMs, acceptableHeartbeatPauseMs,
                firstHeartbeatEstimateMs, maxIntervalMs, maxLocalPauseMs);
    }

    private static void require(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(rule + " (was " + value + ")");
        }
    }
}
