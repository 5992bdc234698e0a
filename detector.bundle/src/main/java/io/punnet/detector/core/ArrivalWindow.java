package io.punnet.detector.core;

/**
 * The recent heartbeat history of one peer (one generation of it): a bounded window of
 * inter-arrival intervals with their running mean and variance, and the time of the last arrival.
 * Cassandra's {@code ArrivalWindow} and Akka's {@code HeartbeatHistory} are the models.
 *
 * <h2>The formula</h2>
 * With {@code n} intervals {@code x_i} in the window (in ms):
 * <pre>
 *   mean   = sum(x_i) / n
 *   stdDev = sqrt(sum(x_i^2) / n - mean^2)                (population deviation)
 *   sigma  = max(stdDev, minStdDeviationMs)
 *   y      = (now - lastArrival - mean - acceptableHeartbeatPauseMs) / sigma
 *   phi    = log10(1 + e^z),  z = y * (1.5976 + 0.070566 * y^2)      (see {@link Phi})
 * </pre>
 * Both sums are kept exactly (longs, in microseconds), so adding an interval and evicting the
 * oldest one is O(1) and never drifts.
 *
 * <h2>Guards</h2>
 * <ul>
 *   <li>Bootstrap: a new window is seeded with two intervals {@code 0.75 e} and {@code 1.25 e}
 *       ({@code e} = first-heartbeat estimate; mean {@code e}, deviation {@code e/4}), so a peer
 *       seen once is judged against a plausible expectation rather than an empty history. The
 *       smaller one is added first, so it is evicted first and the mean never dips under
 *       {@code e} on account of the seed.</li>
 *   <li>Interval cap: an interval longer than the one at which phi would have crossed the
 *       threshold ({@code mean + acceptablePause + y(threshold) * sigma}, from the window as it
 *       was) is recorded as that crossing interval, and never as more than {@code maxIntervalMs}.
 *       Such an interval is an outage (a healed partition, a peer that was unreachable): recorded
 *       raw, one of them would inflate mean and deviation for hundreds of heartbeats and make the
 *       detector deaf. Recorded at the crossing, it still tells the window that gaps this long
 *       happen, so on a really lossy link the expectation grows step by step and false
 *       suspicions stop; a fixed cap near the normal interval would hide exactly that. (In the
 *       scuttlebutt model of {@code DetectorTuningBenchmark}, N=10 at 40 % loss for 10 hours of
 *       cluster time: 245 false suspicions, against 34,440 with a fixed 4 s cap.)</li>
 *   <li>Out of order: an arrival at or before the last one adds no interval.</li>
 *   <li>Local pause: {@link #forgive(long)} moves the last arrival forward by a pause of this
 *       node, so the time this node was not running does not count against the peer.</li>
 * </ul>
 * Not thread-safe: {@link PhiAccrualDetector} guards it.
 */
public final class ArrivalWindow implements HeartbeatWindow {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final double MICROS_PER_MS = 1_000.0;

    private final DetectorSettings settings;
    private final double thresholdLateness;
    private final long[] intervalsMicros;
    private int oldest;
    private int size;
    private long sumMicros;
    private long sumSquaresMicros;
    private long lastArrivalNanos;
    private long heartbeats;

    /** A window for a peer whose first heartbeat arrives at {@code firstArrivalNanos}. */
    public ArrivalWindow(DetectorSettings settings, long firstArrivalNanos) {
        this.settings = settings;
        this.thresholdLateness = Phi.lateness(settings.threshold());
        this.intervalsMicros = new long[settings.windowSize()];
        this.lastArrivalNanos = firstArrivalNanos;
        this.heartbeats = 1;
        long estimateMicros = settings.firstHeartbeatEstimateMs() * 1_000L;
        add(estimateMicros - estimateMicros / 4);
        add(estimateMicros + estimateMicros / 4);
    }

    /** A newer heartbeat arrived at {@code nowNanos}: record the interval since the previous one. */
    @Override
    public void arrival(long nowNanos) {
        heartbeats++;
        long intervalNanos = nowNanos - lastArrivalNanos;
        if (intervalNanos <= 0) {
            return;
        }
        lastArrivalNanos = nowNanos;
        add(Math.min(intervalNanos / NANOS_PER_MICRO, capMicros()));
    }

    /** The longest interval recorded as such: the threshold crossing, at most the absolute cap. */
    private long capMicros() {
        double crossingMs = meanMs() + settings.acceptableHeartbeatPauseMs() + thresholdLateness * sigmaMs();
        return Math.min((long) (crossingMs * MICROS_PER_MS), settings.maxIntervalMs() * 1_000L);
    }

    private double sigmaMs() {
        return Math.max(stdDeviationMs(), settings.minStdDeviationMs());
    }

    /** This node was paused for {@code pauseNanos}: that time does not count as the peer's silence. */
    @Override
    public void forgive(long pauseNanos) {
        if (pauseNanos > 0) {
            lastArrivalNanos += pauseNanos;
        }
    }

    /** The suspicion level at {@code nowNanos}; see the class comment for the formula. */
    @Override
    public double phi(long nowNanos) {
        double elapsedMs = (nowNanos - lastArrivalNanos) / 1e6;
        return Phi.of(elapsedMs, meanMs(), sigmaMs(), settings.acceptableHeartbeatPauseMs());
    }

    @Override
    public boolean suspect(long nowNanos) {
        return phi(nowNanos) >= settings.threshold();
    }

    @Override
    public long lastVersion() {
        return heartbeats;
    }

    /** The mean of the intervals in the window, in ms. */
    @Override
    public double meanMs() {
        return (double) sumMicros / size / MICROS_PER_MS;
    }

    /** The (population) standard deviation of the intervals in the window, in ms, before the floor. */
    @Override
    public double stdDeviationMs() {
        double mean = (double) sumMicros / size;
        double variance = (double) sumSquaresMicros / size - mean * mean;
        return variance > 0 ? Math.sqrt(variance) / MICROS_PER_MS : 0.0;
    }

    /** How many intervals the window holds (the two bootstrap ones included until evicted). */
    @Override
    public int samples() {
        return size;
    }

    /** How many heartbeats of this generation were seen, the first one included. */
    @Override
    public long heartbeats() {
        return heartbeats;
    }

    /** When the last heartbeat arrived (moved forward by forgiven local pauses). */
    @Override
    public long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    private void add(long intervalMicros) {
        if (size == intervalsMicros.length) {
            long evicted = intervalsMicros[oldest];
            sumMicros -= evicted;
            sumSquaresMicros -= evicted * evicted;
            intervalsMicros[oldest] = intervalMicros;
            oldest = (oldest + 1) % intervalsMicros.length;
        } else {
            intervalsMicros[(oldest + size) % intervalsMicros.length] = intervalMicros;
            size++;
        }
        sumMicros += intervalMicros;
        sumSquaresMicros += intervalMicros * intervalMicros;
    }
}
