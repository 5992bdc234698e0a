package io.punnet.lab.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.punnet.lab.LabCluster;
import io.punnet.lab.LabNode;
import io.punnet.lab.LabOptions;
import io.punnet.lab.LogEvent;
import io.punnet.lab.Scenarios;
import io.punnet.lab.Stats;

/**
 * The cluster's figures, measured on real nodes in the lab (bench/lab-bench.sh runs it as root):
 *
 * <pre>
 * figures N        N nodes found by mDNS: start to first HTTP 200, idle gossip bytes/s, CPU and RSS
 *                  per node, a node paused 10 s, a graceful stop and restart, kill -9 detection
 *                  (3 kills), a partition N/2|N/2 and its heal, a late joiner
 * loss N PCT SECS  N nodes, PCT % loss on every link for SECS seconds: the false verdicts
 * </pre>
 *
 * Every figure is printed with the command that reproduces it, and with the machine's load
 * average, since the lab shares two cores with whatever else runs.
 */
public final class LabBenchmark {

    private static final long SETTLE_MS = 30_000;
    /**
     * The idle figures start this long after the last node's first HTTP 200: start-up, the JIT's
     * first compilations and the class-data archive's recording are over by then, so the CPU measured
     * is a running node's, not a starting one's.
     */
    private static final long IDLE_WARMUP_MS = 60_000;
    /** The idle window: long enough that a node's 30 s tasks (the mDNS check, metric samples) fall in it. */
    private static final long IDLE_WINDOW_MS = 60_000;
    /** Where the nodes' conf, data and logs go: bench/lab-bench.sh names it and removes it at exit. */
    static final String WORK_DIR_PROPERTY = "punnet.lab.workDir";
    private final String command;

    private LabBenchmark(String command) {
        this.command = command;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: figures N | loss N PCT SECS");
            System.exit(2);
        }
        LabBenchmark bench = new LabBenchmark("bench/lab-bench.sh " + String.join(" ", args));
        int n = Integer.parseInt(args[1]);
        switch (args[0]) {
            case "figures" -> bench.figures(n);
            case "loss" -> bench.loss(n, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }

    private LabOptions options(int n) {
        String named = System.getProperty(WORK_DIR_PROPERTY);
        Path work = named != null ? Path.of(named)
                : Path.of(System.getProperty("java.io.tmpdir"), "punnet-lab-bench-" + ProcessHandle.current().pid());
        return LabOptions.of(n).withWorkDir(work).withPollMs(250);
    }

    private void figures(int n) throws Exception {
        try (LabCluster cluster = LabCluster.start(options(n))) {
            List<Long> startMs = new ArrayList<>();
            for (LabNode node : cluster.nodes()) {
                startMs.add(cluster.observer().firstOkMs(node.name()) - node.startedAtMs());
            }
            print("start to first HTTP 200 (ms, nodes started one at a time)", Stats.of(startMs).toString());
            long t0 = System.currentTimeMillis();
            boolean converged = cluster.awaitConverged(180_000);
            print("all " + n + " see all ALIVE after the last start (mDNS only, no seeds)",
                    converged ? (System.currentTimeMillis() - t0) + " ms" : "NOT within 180 s");
            long lastOk = cluster.nodes().stream().mapToLong(node -> cluster.observer().firstOkMs(node.name()))
                    .max().orElseThrow();
            Thread.sleep(Math.max(SETTLE_MS, lastOk + IDLE_WARMUP_MS - System.currentTimeMillis()));
            long from = System.currentTimeMillis() - lastOk;
            IdleFigures idle = IdleFigures.measure(cluster, IDLE_WINDOW_MS);
            print("idle window (s after the last node's first HTTP 200)", String.format("%.1f .. %.1f",
                    from / 1e3, (System.currentTimeMillis() - lastOk) / 1e3));
            print("idle gossip bytes/s sent per node (UDP + push-pull, IP sizes)", idle.gossipBytesPerS().toString());
            print("idle bytes/s sent per node, all but the observer (incl. mDNS)", idle.allBytesPerS().toString());
            print("idle CPU per node (permille of one core, " + IDLE_WINDOW_MS / 1_000 + " s window)",
                    idle.cpuPermille().toString());
            print("RSS per node (KiB)", idle.rssKiB().toString());
            pause(cluster, n);
            stopAndRestart(cluster, n);
            kills(cluster, n);
            List<Integer> all = IntStream.rangeClosed(1, n).boxed().toList();
            List<Integer> a = all.subList(0, n / 2);
            List<Integer> b = all.subList(n / 2, n);
            Scenarios.Partition p = Scenarios.partitionAndHeal(cluster, a, b, 120_000);
            print("partition " + a.size() + "|" + b.size() + ": every node convicted the other side after (ms)",
                    Long.toString(p.splitDetectedMs()));
            print("partition " + a.size() + "|" + b.size() + ": heal, all see all ALIVE again after (ms)",
                    Long.toString(p.healMs()));
            cluster.awaitConverged(60_000);
            Thread.sleep(SETTLE_MS);
            Scenarios.Join j = Scenarios.lateJoin(cluster, n + 1, 60_000);
            print("late joiner n" + (n + 1) + " seen by each node after its first gossip packet (ms, upper bounds, bracket "
                    + j.resolutionMs() + ")", j.seen() + " " + j.seenAfterMs());
        }
    }

    private void pause(LabCluster cluster, int n) throws Exception {
        Scenarios.Pause p = Scenarios.pause(cluster, cluster.node(n), 10_000, 60_000);
        print("node " + p.paused() + " paused 10 s: verdicts it gave after waking", p.byPaused().size() + " " + brief(p.byPaused()));
        print("node " + p.paused() + " paused 10 s: verdicts about nodes never paused", p.aboutOthers().size() + " "
                + brief(p.aboutOthers()));
        print("node " + p.paused() + " paused 10 s: verdicts the others gave about it", p.aboutPaused().size() + " "
                + brief(p.aboutPaused()));
        print("node " + p.paused() + " paused 10 s: all see all ALIVE again after resume (ms)", Long.toString(p.backAliveMs()));
        cluster.awaitConverged(60_000);
        Thread.sleep(SETTLE_MS);
    }

    private void stopAndRestart(LabCluster cluster, int n) throws Exception {
        LabNode node = cluster.node(n / 2);
        Scenarios.Leave leave = Scenarios.gracefulStop(cluster, node, 30_000);
        print("graceful stop of " + node.name() + ": the others saw it LEFT after (ms)", leave.seen().toString());
        Scenarios.Restart back = Scenarios.restart(cluster, node, 60_000);
        print("restart of " + node.name() + ": the others saw the new generation after its gossip started (ms)",
                back.seen().toString());
        cluster.awaitConverged(60_000);
        Thread.sleep(SETTLE_MS);
    }

    private void kills(LabCluster cluster, int n) throws Exception {
        List<Long> suspect = new ArrayList<>();
        List<Long> dead = new ArrayList<>();
        for (int victim : new int[] {2, n / 2 + 1, n - 1}) {
            LabNode v = cluster.node(victim);
            Scenarios.Detection d = Scenarios.killNine(cluster, v, 60_000);
            print("kill -9 of " + v.name() + ": survivors suspected it after (ms)", d.suspected().toString());
            print("kill -9 of " + v.name() + ": survivors convicted it after (ms)", d.convicted().toString());
            suspect.addAll(d.suspectMs().values());
            dead.addAll(d.deadMs().values());
            cluster.restart(v);
            cluster.awaitConverged(120_000);
            Thread.sleep(SETTLE_MS);
        }
        print("kill -9 detection (suspected), all 3 kills pooled (ms)", Stats.of(suspect).toString());
        print("kill -9 conviction (DEAD), all 3 kills pooled (ms)", Stats.of(dead).toString());
    }

    private void loss(int n, int percent, long seconds) throws Exception {
        try (LabCluster cluster = LabCluster.start(options(n))) {
            if (!cluster.awaitConverged(180_000)) {
                print("convergence before the loss", "NOT within 180 s");
            }
            Thread.sleep(SETTLE_MS);
            long t0 = System.currentTimeMillis();
            cluster.network().setLoss(percent);
            Thread.sleep(seconds * 1_000);
            List<LogEvent> verdicts = Scenarios.verdictsSince(cluster, t0);
            long dead = verdicts.stream().filter(e -> e.status().equals("DEAD")).count();
            long suspect = verdicts.stream().filter(e -> e.status().equals("SUSPECT")).count();
            boolean allAlive = cluster.converged(cluster.running());
            print(percent + " % loss on every link for " + seconds + " s at N=" + n + ": false convictions (DEAD)",
                    dead + " " + brief(verdicts.stream().filter(e -> e.status().equals("DEAD")).toList()));
            print(percent + " % loss on every link for " + seconds + " s at N=" + n + ": suspicions", Long.toString(suspect));
            print(percent + " % loss at the end: every node sees every node ALIVE", Boolean.toString(allAlive));
        }
    }

    private static String brief(List<LogEvent> events) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        events.forEach(e -> counts.merge(e.observer() + "->" + e.member() + ":" + e.status(), 1, Integer::sum));
        return counts.isEmpty() ? "" : counts.toString();
    }

    private void print(String figure, String value) {
        System.out.printf("%-95s %s%n    [load %s] command: %s%n", figure, value, load(), command);
        System.out.flush();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
