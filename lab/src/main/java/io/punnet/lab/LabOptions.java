package io.punnet.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to build a lab cluster.
 *
 * @param nodes       how many nodes start at once (more may join later), 1..{@value LabNetwork#MAX_NODES}
 * @param staticSeeds whether every node gets node 1 as a static seed; false: the nodes find each
 *                    other with mDNS alone
 * @param pollMs      the observer's poll interval per node
 * @param dist        the distribution (a directory holding {@code bin/punnet})
 * @param workDir     where each node's conf, data and log go
 * @param extraEnv    more {@code PUNNET_*} variables for every node
 */
public record LabOptions(int nodes, boolean staticSeeds, long pollMs, Path dist, Path workDir,
        Map<String, String> extraEnv) {

    /** The HTTP port of every node (each has its own address). */
    public static final int HTTP_PORT = 8080;
    /** The gossip port of every node. */
    public static final int GOSSIP_PORT = 7946;

    public LabOptions {
        if (nodes < 1 || nodes > LabNetwork.MAX_NODES) {
            throw new IllegalArgumentException("nodes " + nodes + " is outside 1.." + LabNetwork.MAX_NODES);
        }
        extraEnv = Map.copyOf(extraEnv);
    }

    /** Defaults: mDNS only, polls every 200 ms, the distribution found from here, a work dir under /tmp. */
    public static LabOptions of(int nodes) {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "punnet-lab-" + ProcessHandle.current().pid());
        return new LabOptions(nodes, false, 200, findDist(), work, Map.of());
    }

    public LabOptions withStaticSeeds(boolean seeds) {
        return new LabOptions(nodes, seeds, pollMs, dist, workDir, extraEnv);
    }

    public LabOptions withPollMs(long ms) {
        return new LabOptions(nodes, staticSeeds, ms, dist, workDir, extraEnv);
    }

    public LabOptions withEnv(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put(name, value);
        return new LabOptions(nodes, staticSeeds, pollMs, dist, workDir, env);
    }

    public LabOptions withWorkDir(Path dir) {
        return new LabOptions(nodes, staticSeeds, pollMs, dist, dir, extraEnv);
    }

    /**
     * The distribution: the system property {@code punnet.dist}, else {@code run/target/punnet} in
     * this directory or a parent.
     */
    public static Path findDist() {
        String given = System.getProperty("punnet.dist");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("run/target/punnet");
            if (Files.isExecutable(candidate.resolve("bin/punnet"))) {
                return candidate;
            }
        }
        return Path.of("run/target/punnet").toAbsolutePath();
    }
}
