package io.punnet.detector.core;

/**
 * The heartbeat history of one peer judged by heartbeat <em>version</em> (Chen, Toueg and
 * Aguilera's expected-arrival estimator, with phi on top): how late the next version is, rather
 * than how long since the last arrival.
 *
 * <h2>Why</h2>
 * A gossiped heartbeat reaches a node by whichever member it talks to: now straight from the peer,
 * now two versions at once through a third member a round later. Inter-arrival times then spread
 * widely (in the simulator at N=10: mean 1.3 s, deviation 0.7 s for 1 s rounds), and an
 * interval model ({@link ArrivalWindow}) must wait about 5.5 rounds after the last arrival before
 * phi 8. But the peer makes version {@code v} at about {@code v * P} on its own clock (its rounds,
 * {@code P} apart; gossip keeps the version in step with the clock even across pauses), so every
 * arrival measures one thing: how old that version was when it got here. That age spreads much
 * less than the intervals, and it is measured from when the peer <em>made</em> its last version,
 * which every survivor of a crash shares: they all cross the threshold at about the same time,
 * so the confirmations a conviction needs come together.
 *
 * <h2>The formula</h2>
 * Each arrival {@code i} is a pair (arrival time {@code t_i}, version {@code v_i}); the offset
 * {@code d_i = t_i - P * v_i} is the version's age plus a constant (the two clocks' origin).
 * Over the window:
 * <pre>
 *   P      = the least-squares slope of t on v        (the peer's round, as seen here;
 *            firstHeartbeatEstimateMs until the window spans 20 versions)
 *   d      = mean(t) - P * mean(v)                    (mean offset)
 *   s^2    = var(t) - 2 P cov(t, v) + P^2 var(v)      (variance of the offsets)
 *   sigma  = max(sqrt((n s^2 + 2 (e/4)^2) / (n + 2)), minStdDeviationMs)      e = estimate
 *   next   = d + P * (v_last + 1)                     (expected arrival of the next version)
 *   y      = (now - next - acceptableHeartbeatPauseMs - forgiven) / sigma
 *   phi    = log10(1 + e^z), z = y * (1.5976 + 0.070566 * y^2)        (see {@link Phi})
 * </pre>
 * The prior {@code 2 (e/4)^2} plays the part of the interval model's two bootstrap intervals:
 * a peer heard a few times is judged with a deviation of about a quarter round, not zero. All
 * sums are kept relative to the oldest sample and recomputed from the ring when it wraps, so
 * they stay small and exact enough for months of uptime; adding a sample is O(1) amortised.
 *
 * <h2>Guards</h2>
 * <ul>
 *   <li>A version at or below the last one adds nothing (it is old news).</li>
 *   <li>A version later than the threshold crossing (loss on every path for a while) is recorded
 *       as if it had arrived at the crossing, so one bad spell teaches the window that such gaps
 *       happen without making it deaf for the next few hundred heartbeats. A partition that heals
 *       needs no such care: the versions that arrive then are fresh.</li>
 *   <li>Local pause: {@link #forgive(long)} excuses the time this node was not running until the
 *       next arrival.</li>
 * </ul>
 * Not thread-safe: {@link PhiAccrualDetector} guards it.
 */
public final class SequenceWindow implements HeartbeatWindow {

    /** The span of versions from which the peer's round is taken from the data, not the estimate. */
    static final long MIN_SPAN_FOR_SLOPE = 20;
    private static final double PRIOR_WEIGHT = 2.0;

    private final DetectorSettings settings;
    private final double thresholdLateness;
    private final double estimateNanos;
    private final double priorVariance;
    private final long[] times;
    private final long[] versions;
    private int oldest;
    private int size;
    private long baseTime;
    private long baseVersion;
    private double sumT;
    private double sumV;
    private double sumTT;
    private double sumVV;
    private double sumTV;
    private long lastArrivalNanos;
    private long lastVersion;
    private long forgivenNanos;
    private long heartbeats;
    // Derived on every change, so phi is a subtraction and a division.
    private double periodNanos;
    private double nextArrival;
    private double sigmaNanos;
    private double rawDeviationNanos;

    /** A window for a peer whose version {@code version} arrived at {@code firstArrivalNanos}. */
    public SequenceWindow(DetectorSettings settings, long firstArrivalNanos, long version) {
        this.settings = settings;
        this.thresholdLateness = Phi.lateness(settings.threshold());
        this.estimateNanos = settings.firstHeartbeatEstimateMs() * 1e6;
        this.priorVariance = (estimateNanos / 4) * (estimateNanos / 4);
        this.times = new long[settings.windowSize()];
        this.versions = new long[settings.windowSize()];
        this.baseTime = firstArrivalNanos;
        this.baseVersion = version;
        this.heartbeats = 0;
        record(firstArrivalNanos, version);
    }

    @Override
    public void arrival(long nowNanos) {
        arrival(nowNanos, lastVersion + 1);
    }

    /** Version {@code version} arrived at {@code nowNanos}. */
    public void arrival(long nowNanos, long version) {
        if (version <= lastVersion) {
            return;
        }
        double crossing = nextArrival + periods(version - lastVersion - 1) + latenessAllowed();
        long recorded = nowNanos > crossing ? (long) crossing : nowNanos;
        record(recorded, version);
        lastArrivalNanos = Math.max(lastArrivalNanos, nowNanos);
    }

    private double periods(long versions) {
        return periodNanos * versions;
    }

    private double latenessAllowed() {
        return settings.acceptableHeartbeatPauseMs() * 1e6 + thresholdLateness * sigmaNanos;
    }

    @Override
    public void forgive(long pauseNanos) {
        if (pauseNanos > 0) {
            forgivenNanos += pauseNanos;
        }
    }

    @Override
    public double phi(long nowNanos) {
        double late = nowNanos - nextArrival - forgivenNanos - settings.acceptableHeartbeatPauseMs() * 1e6;
        return Phi.ofNormalised(late / sigmaNanos);
    }

    @Override
    public boolean suspect(long nowNanos) {
        return nowNanos - nextArrival - forgivenNanos >= latenessAllowed();
    }

    /** The peer's round as seen here (the slope of arrival time on version), in ms. */
    @Override
    public double meanMs() {
        return periodNanos / 1e6;
    }

    /** The deviation of the versions' arrival offsets (before the prior and the floor), in ms. */
    @Override
    public double stdDeviationMs() {
        return rawDeviationNanos / 1e6;
    }

    @Override
    public int samples() {
        return size;
    }

    @Override
    public long heartbeats() {
        return heartbeats;
    }

    @Override
    public long lastArrivalNanos() {
        return lastArrivalNanos + forgivenNanos;
    }

    @Override
    public long lastVersion() {
        return lastVersion;
    }

    /** When the next version is expected (before the acceptable pause and forgiven pauses). */
    public long expectedNextNanos() {
        return (long) nextArrival;
    }

    private void record(long arrivalNanos, long version) {
        heartbeats++;
        forgivenNanos = 0;
        lastVersion = version;
        lastArrivalNanos = arrivalNanos;
        if (size == times.length) {
            oldest = (oldest + 1) % times.length;
            size--;
            if (oldest == 0 || size == 0) {
                rebase();
            } else {
                subtract(times[(oldest + times.length - 1) % times.length],
                        versions[(oldest + times.length - 1) % times.length]);
            }
        }
        int slot = (oldest + size) % times.length;
        times[slot] = arrivalNanos;
        versions[slot] = version;
        size++;
        add(arrivalNanos, version);
        derive();
    }

    /** Sums again from the ring, relative to its oldest sample (keeps them small and exact). */
    private void rebase() {
        sumT = 0;
        sumV = 0;
        sumTT = 0;
        sumVV = 0;
        sumTV = 0;
        if (size > 0) {
            baseTime = times[oldest];
            baseVersion = versions[oldest];
        }
        for (int i = 0; i < size; i++) {
            int slot = (oldest + i) % times.length;
            add(times[slot], versions[slot]);
        }
    }

    private void add(long time, long version) {
        double t = (time - baseTime) / 1e3;
        double v = version - baseVersion;
        sumT += t;
        sumV += v;
        sumTT += t * t;
        sumVV += v * v;
        sumTV += t * v;
    }

    private void subtract(long time, long version) {
        double t = (time - baseTime) / 1e3;
        double v = version - baseVersion;
        sumT -= t;
        sumV -= v;
        sumTT -= t * t;
        sumVV -= v * v;
        sumTV -= t * v;
    }

    /** Period, expected next arrival and deviation from the sums (times in µs inside the sums). */
    private void derive() {
        double n = size;
        double meanT = sumT / n;
        double meanV = sumV / n;
        double varV = Math.max(0, sumVV / n - meanV * meanV);
        double varT = Math.max(0, sumTT / n - meanT * meanT);
        double cov = sumTV / n - meanT * meanV;
        double spanVersions = lastVersion - versions[oldest];
        double periodMicros = spanVersions >= MIN_SPAN_FOR_SLOPE && varV > 0 ? cov / varV : estimateNanos / 1e3;
        if (!(periodMicros > 0)) {
            periodMicros = estimateNanos / 1e3;
        }
        double varD = Math.max(0, varT - 2 * periodMicros * cov + periodMicros * periodMicros * varV);
        periodNanos = periodMicros * 1e3;
        nextArrival = baseTime + (meanT + periodMicros * (lastVersion - baseVersion + 1 - meanV)) * 1e3;
        rawDeviationNanos = Math.sqrt(varD) * 1e3;
        double pooled = (n * varD * 1e6 + PRIOR_WEIGHT * priorVariance) / (n + PRIOR_WEIGHT);
        sigmaNanos = Math.max(Math.sqrt(pooled), settings.minStdDeviationMs() * 1e6);
    }
}
