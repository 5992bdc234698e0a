package io.punnet.detector.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small, seeded model of how heartbeats reach the detector through scuttlebutt gossip, to tune
 * and check the detector against the arrivals it will really see (the full simulator lives in
 * {@code sim/}; this is only what the detector needs).
 *
 * <p>{@code n} nodes, each with its own round phase in [0, 1 s). At each of its rounds a live node
 * bumps its heartbeat version, asks its detector about every other member it has heard of, then
 * gossips with {@code fanout} random other nodes (Cassandra: one), each exchange being SYN (lost
 * with probability {@code loss}), ACK (idem: the
 * initiator learns every newer heartbeat the partner has), ACK2 (idem: the partner learns every
 * newer one of the initiator). A node learning a newer version of a member calls
 * {@code heartbeat} on its detector. Exchanges are instantaneous (LAN latency is far below a
 * round). A killed node stops at {@code killAtRound} (its rounds and answers both stop).
 *
 * <p>Every run is a pure function of its arguments (seed included).
 */
final class GossipHeartbeatModel {

    static final long ROUND_NANOS = 1_000_000_000L;

    /** Rounds before which false suspicions are not counted: members are still discovering each other. */
    static final int WARM_UP_ROUNDS = 60;

    /**
     * What a run saw. Times are in nanoseconds of model time; a false suspicion is one member
     * turning suspect, in one live node's eyes, while it is alive (after the warm-up).
     */
    record Outcome(long firstFalseSuspicionNanos, int falseSuspicions, long[] detectionDelaysNanos,
            double maxPhiOfLiveMembers, List<PeerReport> reportsOfNode1) {

        /** The median of the survivors' detection delays (after the kill), or -1 if none detected. */
        long medianDetectionNanos() {
            long[] sorted = detectionDelaysNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? -1 : sorted[(sorted.length - 1) / 2];
        }
    }

    private final int n;
    private final int fanout;
    private final double loss;
    private final DetectorSettings settings;
    private final SplittableRandom random;

    GossipHeartbeatModel(int n, int fanout, double loss, DetectorSettings settings, long seed) {
        this.n = n;
        this.fanout = fanout;
        this.loss = loss;
        this.settings = settings;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs {@code rounds} rounds; node 0 is killed at the start of round {@code killAtRound}
     * (pass a value &ge; rounds for no kill). A suspicion of a live node is a false suspicion.
     */
    Outcome run(int rounds, int killAtRound) {
        long[] phase = new long[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            phase[i] = random.nextLong(ROUND_NANOS);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(phase[a], phase[b]));
        long[][] known = new long[n][n];
        PhiAccrualDetector[] detectors = new PhiAccrualDetector[n];
        for (int i = 0; i < n; i++) {
            detectors[i] = new PhiAccrualDetector(settings);
        }
        long killedAt = (long) killAtRound * ROUND_NANOS;
        long[] detectedAt = new long[n];
        Arrays.fill(detectedAt, -1);
        int falseSuspicions = 0;
        boolean[][] suspected = new boolean[n][n];
        long firstFalse = -1;
        double maxLivePhi = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i : order) {
                boolean dead = i == 0 && r >= killAtRound;
                if (dead) {
                    continue;
                }
                long now = r * ROUND_NANOS + phase[i];
                known[i][i]++;
                for (int m = 0; m < n; m++) {
                    if (m == i || known[i][m] == 0) {
                        continue;
                    }
                    boolean suspect = detectors[i].suspicion(memberName(m), now).suspect();
                    boolean memberDead = m == 0 && r >= killAtRound;
                    if (memberDead) {
                        if (suspect && detectedAt[i] < 0) {
                            detectedAt[i] = now - killedAt;
                        }
                    } else if (r >= WARM_UP_ROUNDS) {
                        maxLivePhi = Math.max(maxLivePhi, detectors[i].suspicion(memberName(m), now).phi());
                        if (suspect && !suspected[i][m]) {
                            falseSuspicions++;
                            firstFalse = firstFalse < 0 ? now : firstFalse;
                        }
                        suspected[i][m] = suspect;
                    }
                }
                for (int f = 0; f < fanout; f++) {
                    int j = random.nextInt(n - 1);
                    j = j >= i ? j + 1 : j;
                    exchange(i, j, j == 0 && r >= killAtRound, known, detectors, now);
                }
            }
        }
        List<Long> delays = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (killAtRound < rounds && detectedAt[i] >= 0) {
                delays.add(detectedAt[i]);
            }
        }
        return new Outcome(firstFalse, falseSuspicions, delays.stream().mapToLong(Long::longValue).toArray(),
                maxLivePhi, detectors[1].reports((long) rounds * ROUND_NANOS));
    }

    private void exchange(int i, int j, boolean partnerDead, long[][] known, PhiAccrualDetector[] detectors,
            long now) {
        if (partnerDead || lost() || lost()) {
            return;
        }
        learn(i, j, known, detectors, now);
        if (!lost()) {
            learn(j, i, known, detectors, now);
        }
    }

    /** {@code to} learns every heartbeat {@code from} has that is newer than its own knowledge. */
    private void learn(int to, int from, long[][] known, PhiAccrualDetector[] detectors, long now) {
        for (int m = 0; m < n; m++) {
            if (m != to && known[from][m] > known[to][m]) {
                known[to][m] = known[from][m];
                detectors[to].heartbeat(memberName(m), 1, now);
            }
        }
    }

    private boolean lost() {
        return loss > 0 && random.nextDouble() < loss;
    }

    static String memberName(int m) {
        return "node-" + m;
    }
}
