package io.punnet.lab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.punnet.lab.LabCluster;
import io.punnet.lab.LabOptions;
import io.punnet.lab.Stats;

/**
 * Rollout figures on real nodes in the lab (issue 9; bench/lab-rollout.sh runs it as root):
 * N nodes (static seed: node 1), converged and settled; then {@link RolloutProbe}, in the observer
 * namespace, measures the longest heartbeat gap node 1 sees in a baseline without rollouts, and rolls
 * out, one after the other, R new versions of a small bundle ({@link RolloutJars#HELLO}: installed
 * the first time, updated after) and R copies of the monitoring bundle under new digests (an update
 * of a running bundle, with its refresh, on every node), posted to node 1 with target=all. Printed,
 * per kind (median, min, max, and every value): the time from node 1 taking the rollout to the last
 * node logging it ACTIVE (all on one machine clock: {@link NodeLogTimes}), the time from the post
 * to node 1 reporting every node ACTIVE (what an operator waits for: it adds the status's way back
 * through gossip), and the longest heartbeat gap that ended during each rollout; and the longest
 * gap over the whole series against the baseline.
 *
 * <pre>rollout N R</pre>
 */
public final class RolloutBenchmark {

    private static final String TOKEN = "lab-rollout-token-0123456789abcdef";
    private static final long SETTLE_MS = 20_000;
    private static final long BASELINE_MS = 30_000;
    private static final long PAUSE_MS = 3_000;
    private final String command;

    private RolloutBenchmark(String command) {
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: N ROLLOUTS_PER_KIND");
            System.exit(2);
        }
        new RolloutBenchmark("bench/lab-rollout.sh " + String.join(" ", args))
                .run(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        System.exit(0);
    }

    private void run(int n, int rollouts) throws Exception {
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "punnet-lab-rollout-" + ProcessHandle.current().pid());
        LabOptions options = LabOptions.of(n).withWorkDir(work).withPollMs(500).withStaticSeeds(true)
                .withEnv("PUNNET_API_TOKEN", TOKEN);
        try (LabCluster cluster = LabCluster.start(options)) {
            long t0 = System.currentTimeMillis();
            boolean converged = cluster.awaitConverged(180_000);
            print("all " + n + " see all ALIVE after the last start (static seed)",
                    converged ? (System.currentTimeMillis() - t0) + " ms" : "NOT within 180 s");
            Thread.sleep(SETTLE_MS);
            Path jars = writeJars(work.resolve("rollout-jars"), options.dist(), rollouts);
            List<String> lines = probe(cluster, jars);
            report(n, lines, NodeLogTimes.read(cluster.nodes()));
        }
    }

    /** 01-hello-1.0.1.jar, 02-monitoring-1.jar, 03-hello-1.0.2.jar, …: the kinds alternate. */
    private static Path writeJars(Path dir, Path dist, int rollouts) throws IOException {
        Files.createDirectories(dir);
        Path monitoring;
        try (Stream<Path> bundles = Files.list(dist.resolve("bundle"))) {
            monitoring = bundles.filter(p -> p.getFileName().toString().startsWith("monitoring.bundle-")).findFirst()
                    .orElseThrow(() -> new IOException("no monitoring bundle in " + dist));
        }
        for (int i = 1; i <= rollouts; i++) {
            Files.write(dir.resolve(String.format("%02d-hello-1.0.%d.jar", 2 * i - 1, i)), RolloutJars.hello("1.0." + i));
            Files.write(dir.resolve(String.format("%02d-monitoring-%d.jar", 2 * i, i)),
                    RolloutJars.variant(monitoring, "rollout benchmark, copy " + i));
        }
        return dir;
    }

    /** Runs {@link RolloutProbe} in the observer namespace; its output lines. */
    private static List<String> probe(LabCluster cluster, Path jars) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("ip", "netns", "exec", cluster.network().observerNamespace(), java, "-Xmx64m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                RolloutProbe.class.getName(), cluster.node(1).address(), Integer.toString(LabOptions.HTTP_PORT), TOKEN,
                jars.toString(), Long.toString(BASELINE_MS), Long.toString(PAUSE_MS))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  probe: " + line);
                lines.add(line);
            }
        } finally {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return lines;
    }

    private void report(int n, List<String> lines, NodeLogTimes logs) {
        Map<String, List<Long>> done = new TreeMap<>();
        Map<String, List<Long>> active = new TreeMap<>();
        Map<String, List<Long>> gaps = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            if (f[0].equals("B")) {
                print("longest heartbeat gap node 1 saw, " + BASELINE_MS / 1000 + " s without a rollout (ms)", f[1]);
            } else if (f[0].equals("R")) {
                String kind = f[1].replaceAll("^[0-9]+-|-[0-9.]+\\.jar$", "");
                if (!f[4].equals("SUCCEEDED") || !f[5].equals(n + "/" + n)) {
                    failures.add(line);
                }
                done.computeIfAbsent(kind, k -> new ArrayList<>()).add(Long.parseLong(f[3]));
                active.computeIfAbsent(kind, k -> new ArrayList<>()).add(logs.lastActiveAfterSubmitMs(f[2]));
                gaps.computeIfAbsent(kind, k -> new ArrayList<>()).add(Long.parseLong(f[7]));
            } else if (f[0].equals("S")) {
                print("longest heartbeat gap node 1 saw during the whole series of rollouts (" + f[2] + " ms long)", f[1] + " ms");
            }
        }
        active.forEach((kind, ms) -> print("rollout of " + kind + " to " + n + " nodes: submitted to the last node ACTIVE,"
                + " from the nodes' logs (ms)", Stats.of(ms) + " " + ms));
        done.forEach((kind, ms) -> print("rollout of " + kind + " to " + n + " nodes: POST to node 1 reporting all ACTIVE"
                + " (GET /rollouts/{id}, ms)", Stats.of(ms) + " " + ms));
        gaps.forEach((kind, ms) -> print("longest heartbeat gap ending during a rollout of " + kind + " (ms)",
                Stats.of(ms) + " " + ms));
        print("rollouts that did not end SUCCEEDED with all " + n + " ACTIVE", failures.size() + " " + failures);
    }

    private void print(String figure, String value) {
        System.out.printf("%-95s %s%n    [load %s] command: %s%n", figure, value, load(), command);
        System.out.flush();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
