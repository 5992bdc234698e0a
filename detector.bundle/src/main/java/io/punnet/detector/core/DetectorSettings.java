package io.punnet.detector.core;

/**
 * The knobs of the phi accrual failure detector, all in milliseconds unless the name says otherwise.
 *
 * <h2>Why the defaults are what they are</h2>
 * Punnet gossips once a second; a node learns a peer's newer heartbeat through whichever member it
 * talks to, so on a healthy LAN arrivals are about 1 s apart but jittered by up to one round
 * (interval standard deviation 0.3 to 0.45 s). On a lossy network (20 to 40 % packet loss) a
 * heartbeat version is sometimes missed on every path, so some intervals are 2 to 3 s. The detector
 * must stay below the threshold through such a 3 s gap, yet suspect a killed node quickly.
 *
 * <p>With the normal model of {@link ArrivalWindow}, phi reaches the threshold {@code T} when the
 * time since the last heartbeat is {@code mean + acceptablePause + y(T) * max(stdDev, minStdDev)},
 * where {@code y(8) = 5.226}. The defaults give, for a steady 1 s history:
 * <pre>
 *   crossing = 1000 + 500 + 5.226 * 400 = 3590 ms after the last heartbeat
 *   phi at a 3000 ms gap = phi(y = (3000 - 1000 - 500) / 400 = 3.75) = 4.2   (well below 8)
 * </pre>
 * A history with more jitter or loss has a larger standard deviation, which moves the crossing
 * later and lowers phi for the same gap: the detector adapts to the network it sees.
 *
 * <h2>What that gives (DetectionTuningTest, DetectorTuningBenchmark)</h2>
 * <ul>
 *   <li>Regular 1 s heartbeats, then a stop: suspected 3.59 to 3.60 s after the last heartbeat.</li>
 *   <li>Arrivals jittered by up to one round, judged once per round: a killed member is suspected
 *       2.7 to 5.6 s after the kill, median 4.1 s (1,000 runs): the 3.6 s crossing, plus up to a
 *       round until the next evaluation, plus or minus the last heartbeat's own jitter.</li>
 *   <li>20, 30, 40 % loss with gaps up to 3 s (the envelope expected on the real cluster),
 *       starting after a clean history: never suspected, phi at most 3.8. Gaps up to 4 s (two
 *       losses plus a full round of jitter) against a clean history can reach 8 (1 to 5 runs in
 *       100 one-hour runs); tolerating them too would take {@code acceptableHeartbeatPauseMs}
 *       of about 900, i.e. 0.4 s more delay.</li>
 * </ul>
 * The two targets pull against each other: a suspicion about 3 s after the kill needs the
 * crossing about 2.5 s after the last heartbeat, but a 3 s gap must stay under the threshold.
 * These defaults keep the second with margin and give up about a second on the first.
 *
 * <p>The detector is only as fast as heartbeats spread. With one gossip exchange per node and
 * round (Cassandra's scuttlebutt), arrivals are wider than assumed above: in the model of
 * {@code DetectorTuningBenchmark} at N=10 the intervals have mean 1.3 s and deviation 0.7 s, the
 * crossing moves to about 5.5 s and the median survivor suspects a killed node after 6.5 s; with
 * two or three exchanges per round, after 4.2 or 3.9 s.
 *
 * <h2>The knobs</h2>
 * <ul>
 *   <li>{@code threshold} 8: phi 8 means "a heartbeat this late would happen once in 10^8 under
 *       the observed distribution" (Cassandra's and Akka's usual value).</li>
 *   <li>{@code minStdDeviationMs} 400: a perfectly regular history would otherwise make the
 *       detector convict at the first slightly late heartbeat. 400 ms is about the standard
 *       deviation of gossip-learned arrivals (one round of jitter), so a 3 s gap stays at phi 4.2.
 *       Smaller detects sooner and risks false suspicions on the first loss burst.</li>
 *   <li>{@code acceptableHeartbeatPauseMs} 500: added to the mean; half a round of slack for the
 *       quantised gossip schedule. Larger tolerates longer gaps at the cost of the same amount of
 *       detection delay.</li>
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
 * @param windowSize                 how many inter-arrival intervals each peer's window keeps (2..2000)
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
    public static final long MIN_STD_DEVIATION_DEFAULT_MS = 400;
    public static final long ACCEPTABLE_HEARTBEAT_PAUSE_DEFAULT_MS = 500;
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
