package io.punnet.sim;

import java.util.function.LongConsumer;

/**
 * Runs a simulation property over several seeds. A failure names its seed and the command that
 * reruns just that seed ({@code -Dsim.seed=N} restricts every property to that one seed).
 */
final class Seeds {

    private Seeds() {
    }

    static void forEach(String test, int count, LongConsumer property) {
        String only = System.getProperty("sim.seed");
        if (only != null && !only.isBlank()) {
            run(test, Long.parseLong(only.trim()), property);
            return;
        }
        for (long seed = 1; seed <= count; seed++) {
            run(test, seed, property);
        }
    }

    private static void run(String test, long seed, LongConsumer property) {
        try {
            property.accept(seed);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("failed with seed " + seed + "; rerun with: mvn -B -o -pl sim test -Dtest="
                    + test + " -Dsim.seed=" + seed + "\n" + e.getMessage(), e);
        }
    }
}
