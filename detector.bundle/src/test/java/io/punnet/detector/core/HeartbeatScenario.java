package io.punnet.detector.core;

import io.punnet.gossip.api.Suspicion;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The arrivals the brief describes for the real cluster, on virtual time. A member bumps its
 * heartbeat every round (1 s); this node learns version {@code k} through gossip at
 * {@code k * round + U(0, jitter)}. With loss, each version (from {@code lossStartsAt} on) is
 * missed with probability {@code loss}, except where missing it would make the gap between two
 * arrivals longer than {@code maxGap} ("loss makes some intervals 2 to 3 s"). A member killed at
 * {@code killAt} issues no version from then on (those issued before still arrive, late by their
 * jitter). This node evaluates {@code suspicion} once per round at its own phase, as gossip does.
 *
 * <p>Each scenario is a pure function of its seed.
 */
final class HeartbeatScenario {

    static final long ROUND = 1_000_000_000L;
    static final String MEMBER = "peer";

    private final long jitterNanos;
    private final double loss;
    private final long maxGapNanos;
    private final long lossStartsAt;
    private final SplittableRandom random;

    /** What happened: the first suspicion (or -1), the largest phi before it, the longest gap. */
    record Result(long firstSuspicionNanos, double maxPhiBeforeSuspicion, long lastArrivalNanos,
            long longestGapNanos) {
    }

    HeartbeatScenario(long jitterNanos, double loss, long maxGapNanos, long lossStartsAt, long seed) {
        this.jitterNanos = jitterNanos;
        this.loss = loss;
        this.maxGapNanos = maxGapNanos;
        this.lossStartsAt = lossStartsAt;
        this.random = new SplittableRandom(seed);
    }

    /** Steady rounds with up to one round of jitter, no loss. */
    static HeartbeatScenario jittered(long seed) {
        return new HeartbeatScenario(ROUND, 0, Long.MAX_VALUE, Long.MAX_VALUE, seed);
    }

    /** The arrival times, sorted, of the versions issued before {@code killAt} and {@code end}. */
    long[] arrivals(long killAt, long end) {
        int versions = (int) ((Math.min(killAt, end) + ROUND - 1) / ROUND);
        long[] all = new long[versions];
        for (int k = 0; k < versions; k++) {
            all[k] = k * ROUND + (jitterNanos > 0 ? random.nextLong(jitterNanos) : 0);
        }
        Arrays.sort(all);
        long[] kept = new long[versions];
        int count = 0;
        for (int k = 0; k < versions; k++) {
            boolean lossAllowed = count > 0 && k + 1 < versions && all[k] >= lossStartsAt
                    && all[k + 1] - kept[count - 1] <= maxGapNanos;
            if (!(lossAllowed && random.nextDouble() < loss)) {
                kept[count++] = all[k];
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** A random evaluation phase within the round. */
    long phase() {
        return random.nextLong(ROUND);
    }

    /**
     * Feeds the arrivals and the evaluation rounds (every round from {@code phase}) to the detector
     * in time order until {@code end}; stops at the first suspicion.
     */
    static Result drive(PhiAccrualDetector detector, long[] arrivals, long phase, long end) {
        int next = 0;
        double maxPhi = 0;
        long longestGap = 0;
        for (long tick = phase; tick < end; tick += ROUND) {
            while (next < arrivals.length && arrivals[next] <= tick) {
                if (next > 0) {
                    longestGap = Math.max(longestGap, arrivals[next] - arrivals[next - 1]);
                }
                detector.heartbeat(MEMBER, 1, arrivals[next++]);
            }
            if (next == 0) {
                continue;
            }
            Suspicion suspicion = detector.suspicion(MEMBER, tick);
            if (suspicion.suspect()) {
                return new Result(tick, maxPhi, arrivals[next - 1], longestGap);
            }
            maxPhi = Math.max(maxPhi, suspicion.phi());
        }
        return new Result(-1, maxPhi, next > 0 ? arrivals[next - 1] : -1, longestGap);
    }
}
