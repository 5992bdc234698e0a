package io.punnet.detector.core;

import static io.punnet.detector.core.HeartbeatScenario.ROUND;

import java.util.Arrays;

/**
 * Not a test: the figures behind the default settings, printed. Run after {@code mvn -pl
 * detector.bundle -am install} with
 * <pre>
 * java -cp detector.bundle/target/classes:detector.bundle/target/test-classes:gossip.bundle/target/classes \
 *     io.punnet.detector.core.DetectorTuningBenchmark
 * </pre>
 * Part 1 uses the arrivals the brief describes ({@link HeartbeatScenario}); part 2 the scuttlebutt
 * model ({@link GossipHeartbeatModel}) at N=10, for fanouts 1 to 3, which shows how much the
 * detection delay and the false suspicions depend on how fast gossip spreads heartbeats.
 */
public final class DetectorTuningBenchmark {

    private static final DetectorSettings DEFAULTS = IntervalModel.SETTINGS;

    private DetectorTuningBenchmark() {
    }

    public static void main(String[] args) {
        System.out.println("Detector defaults: " + DEFAULTS);
        briefScenario();
        gossipModel();
    }

    private static void briefScenario() {
        System.out.println("\n1. Arrivals k + U(0,1) s, one evaluation per round; kill after 300 s (1000 seeds):");
        long[] afterKill = new long[1000];
        for (int seed = 0; seed < afterKill.length; seed++) {
            HeartbeatScenario scenario = HeartbeatScenario.jittered(seed);
            long kill = 300 * ROUND + scenario.phase();
            long end = kill + 20 * ROUND;
            afterKill[seed] = HeartbeatScenario.drive(new PhiAccrualDetector(DEFAULTS), scenario.arrivals(kill, end),
                    scenario.phase(), end).firstSuspicionNanos() - kill;
        }
        System.out.println("   suspected after the kill: " + quantiles(afterKill));
        System.out.println("   Loss after 300 s clean, 1 h each, 100 seeds: runs with a false suspicion, largest phi");
        for (long maxGapRounds : new long[] {3, 4, Long.MAX_VALUE / ROUND}) {
            StringBuilder line = new StringBuilder(String.format("   gaps <= %s s:",
                    maxGapRounds > 100 ? "any" : Long.toString(maxGapRounds)));
            for (double loss : new double[] {0.2, 0.3, 0.4}) {
                int falseRuns = 0;
                double maxPhi = 0;
                for (long seed = 0; seed < 100; seed++) {
                    HeartbeatScenario scenario = new HeartbeatScenario(ROUND, loss,
                            maxGapRounds > 100 ? Long.MAX_VALUE : maxGapRounds * ROUND, 300 * ROUND, seed);
                    long end = 3900 * ROUND;
                    HeartbeatScenario.Result r = HeartbeatScenario.drive(new PhiAccrualDetector(DEFAULTS),
                            scenario.arrivals(Long.MAX_VALUE, end), scenario.phase(), end);
                    falseRuns += r.firstSuspicionNanos() >= 0 ? 1 : 0;
                    maxPhi = Math.max(maxPhi, r.maxPhiBeforeSuspicion());
                }
                line.append(String.format("  %.0f%%: %d/100, phi %.2f;", loss * 100, falseRuns, maxPhi));
            }
            System.out.println(line);
        }
    }

    private static void gossipModel() {
        System.out.println("\n2. Scuttlebutt model, N=10, 1 s rounds (40 seeds per line):");
        DetectorSettings fixedCap = new DetectorSettings(DEFAULTS.windowSize(), DEFAULTS.threshold(),
                DEFAULTS.minStdDeviationMs(), DEFAULTS.acceptableHeartbeatPauseMs(), DEFAULTS.firstHeartbeatEstimateMs(),
                4000, DEFAULTS.maxLocalPauseMs());
        for (double loss : new double[] {0.2, 0.4}) {
            long falseSuspicions = 0;
            for (int seed = 0; seed < 10; seed++) {
                falseSuspicions += new GossipHeartbeatModel(10, 1, loss, fixedCap, 1000 + seed)
                        .run(3600, Integer.MAX_VALUE).falseSuspicions();
            }
            System.out.printf("   (with a fixed 4 s ceiling instead: fanout 1, %.0f%% loss: false suspicions %d)%n",
                    loss * 100, falseSuspicions);
        }
        for (int fanout = 1; fanout <= 3; fanout++) {
            long[] medians = new long[40];
            long[] all = new long[40 * 9];
            int count = 0;
            for (int seed = 0; seed < medians.length; seed++) {
                GossipHeartbeatModel.Outcome o =
                        new GossipHeartbeatModel(10, fanout, 0.0, DEFAULTS, seed).run(330, 300);
                medians[seed] = o.medianDetectionNanos();
                for (long d : o.detectionDelaysNanos()) {
                    all[count++] = d;
                }
            }
            System.out.printf("   fanout %d, 0%% loss: median survivor after the kill %s; every survivor %s%n", fanout,
                    quantiles(medians), quantiles(Arrays.copyOf(all, count)));
            for (double loss : new double[] {0.2, 0.4}) {
                long falseSuspicions = 0;
                double maxPhi = 0;
                for (int seed = 0; seed < 10; seed++) {
                    GossipHeartbeatModel.Outcome o = new GossipHeartbeatModel(10, fanout, loss, DEFAULTS, 1000 + seed)
                            .run(3600, Integer.MAX_VALUE);
                    falseSuspicions += o.falseSuspicions();
                    maxPhi = Math.max(maxPhi, o.maxPhiOfLiveMembers());
                }
                System.out.printf("   fanout %d, %.0f%% loss, 1 h x 10 seeds x 90 pairs: false suspicions %d,"
                        + " largest phi of a live member %.1f%n", fanout, loss * 100, falseSuspicions, maxPhi);
            }
        }
    }

    private static String quantiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("min %.2f p10 %.2f median %.2f p90 %.2f max %.2f s", sorted[0] / 1e9,
                sorted[n / 10] / 1e9, sorted[(n - 1) / 2] / 1e9, sorted[n * 9 / 10] / 1e9, sorted[n - 1] / 1e9);
    }
}
