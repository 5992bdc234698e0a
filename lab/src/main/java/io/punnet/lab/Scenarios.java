package io.punnet.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's scenarios, each a measurement on a running {@link LabCluster}. Times come from the
 * nodes' own log lines (millisecond timestamps on the one machine clock), so they are exact to a
 * millisecond; the observer's REST polls confirm the same facts through the public API.
 */
public final class Scenarios {

    private Scenarios() {
    }

    /**
     * Per survivor, how long after a kill it first suspected and convicted the victim (ms; -1: not
     * within the bound).
     */
    public record Detection(String victim, Map<String, Long> suspectMs, Map<String, Long> deadMs) {
        public Stats suspected() {
            return Stats.of(suspectMs.values());
        }

        public Stats convicted() {
            return Stats.of(deadMs.values());
        }
    }

    /** Kills {@code victim} with SIGKILL and waits, at most {@code timeoutMs}, until every survivor convicted it. */
    public static Detection killNine(LabCluster cluster, LabNode victim, long timeoutMs) throws InterruptedException {
        List<LabNode> survivors = cluster.running().stream().filter(n -> n != victim).toList();
        long t0 = System.currentTimeMillis();
        victim.kill9();
        Waits.until(() -> survivors.stream().allMatch(s -> firstStatus(s, victim.name(), "DEAD", t0) >= 0),
                timeoutMs, 100);
        Map<String, Long> suspect = new LinkedHashMap<>();
        Map<String, Long> dead = new LinkedHashMap<>();
        for (LabNode s : survivors) {
            long sus = firstStatus(s, victim.name(), "SUSPECT", t0);
            long d = firstStatus(s, victim.name(), "DEAD", t0);
            // a conviction without a logged suspicion (a confirmation by rumor) counts as detection too
            suspect.put(s.name(), sus >= 0 ? sus - t0 : d >= 0 ? d - t0 : -1);
            dead.put(s.name(), d >= 0 ? d - t0 : -1);
        }
        return new Detection(victim.name(), suspect, dead);
    }

    /** When {@code observer}'s log first gave {@code member} {@code status} at or after {@code sinceMs}, or -1. */
    public static long firstStatus(LabNode observer, String member, String status, long sinceMs) {
        for (LogEvent e : observer.events()) {
            if (e.kind() == LogEvent.Kind.STATUS && e.member().equals(member) && e.status().equals(status)
                    && e.timeMs() >= sinceMs) {
                return e.timeMs();
            }
        }
        return -1;
    }

    /** When {@code observer}'s log first showed {@code member} joining at or after {@code sinceMs}, or -1. */
    public static long firstJoin(LabNode observer, String member, long sinceMs) {
        for (LogEvent e : observer.events()) {
            if (e.kind() == LogEvent.Kind.JOINED && e.member().equals(member) && e.timeMs() >= sinceMs) {
                return e.timeMs();
            }
        }
        return -1;
    }

    /**
     * A late joiner: per other node, how long after the newcomer's first gossip packet (sent or
     * received, bracketed by nftables counter reads {@code resolutionMs} wide; the delays are taken
     * from the bracket's early side, so they are upper bounds) that node logged it as joined (ms;
     * -1: not within the bound), and the newcomer's start to first HTTP 200.
     */
    public record Join(String newcomer, long startToHttpOkMs, long resolutionMs, Map<String, Long> seenAfterMs) {
        public Stats seen() {
            return Stats.of(seenAfterMs.values());
        }
    }

    /** Adds node {@code index} to the running cluster and measures how fast everyone sees it. */
    public static Join lateJoin(LabCluster cluster, int index, long timeoutMs) throws IOException, InterruptedException {
        List<LabNode> others = cluster.running();
        LabNode newcomer = cluster.prepareNode(index);
        long firstPacket;
        long resolution;
        try (FirstPacketWatch watch = new FirstPacketWatch(cluster.network(), index, timeoutMs + 90_000)) {
            cluster.restart(newcomer);
            Waits.until(() -> watch.firstMs() >= 0
                    && others.stream().allMatch(o -> firstJoin(o, newcomer.name(), 0) >= 0), timeoutMs, 100);
            firstPacket = watch.firstMs();
            resolution = watch.resolutionMs();
        }
        long startOk = cluster.observer().firstOkMs(newcomer.name()) - newcomer.startedAtMs();
        Map<String, Long> seen = new LinkedHashMap<>();
        for (LabNode o : others) {
            long t = firstJoin(o, newcomer.name(), 0);
            seen.put(o.name(), t >= 0 && firstPacket >= 0 ? t - firstPacket : -1);
        }
        return new Join(newcomer.name(), startOk, resolution, seen);
    }

    /** When {@code node}'s gossip started (its log), or -1. */
    public static long gossipStarted(LabNode node) {
        for (LogEvent e : node.events()) {
            if (e.kind() == LogEvent.Kind.STARTED && e.timeMs() >= node.startedAtMs() - 1_000) {
                return e.timeMs();
            }
        }
        return -1;
    }

    /** A partition and its heal: how long each side took to convict the other, and the heal time. */
    public record Partition(long splitDetectedMs, long healMs) {
    }

    /**
     * Splits the cluster in two, waits until every node has convicted every node of the other side
     * (bounded), heals, and measures until every node sees every node ALIVE again (by REST).
     */
    public static Partition partitionAndHeal(LabCluster cluster, List<Integer> sideA, List<Integer> sideB,
            long timeoutMs) throws IOException, InterruptedException {
        List<LabNode> all = cluster.running();
        long t0 = System.currentTimeMillis();
        cluster.network().partition(List.of(sideA, sideB));
        boolean split = Waits.until(() -> convictedAcross(cluster, sideA, sideB, t0), timeoutMs, 100);
        long splitMs = split ? System.currentTimeMillis() - t0 : -1;
        long t1 = System.currentTimeMillis();
        cluster.network().heal();
        boolean healed = cluster.observer().await(() -> cluster.converged(all), timeoutMs);
        return new Partition(splitMs, healed ? System.currentTimeMillis() - t1 : -1);
    }

    private static boolean convictedAcross(LabCluster cluster, List<Integer> a, List<Integer> b, long since) {
        for (List<Integer>[] pair : pairs(a, b)) {
            for (int i : pair[0]) {
                for (int j : pair[1]) {
                    if (firstStatus(cluster.node(i), cluster.node(j).name(), "DEAD", since) < 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static List<List<Integer>[]> pairs(List<Integer> a, List<Integer> b) {
        List<List<Integer>[]> pairs = new ArrayList<>();
        pairs.add(new List[] {a, b});
        pairs.add(new List[] {b, a});
        return pairs;
    }

    /**
     * A node frozen with SIGSTOP for a while: the verdicts it gave after it woke (a node that was
     * itself asleep must not convict the others for its own silence), the verdicts anyone gave about
     * a node that was never paused, those about the paused node (legitimate: it was silent), and how
     * long after the resume every node saw every node ALIVE again (ms; -1: not within the bound).
     */
    public record Pause(String paused, List<LogEvent> byPaused, List<LogEvent> aboutOthers, List<LogEvent> aboutPaused,
            long backAliveMs) {
    }

    /** Pauses {@code node} for {@code pauseMs}, resumes it, and watches for {@code afterMs}. */
    public static Pause pause(LabCluster cluster, LabNode node, long pauseMs, long afterMs)
            throws IOException, InterruptedException {
        List<LabNode> all = cluster.running();
        long t0 = System.currentTimeMillis();
        node.pause();
        try {
            Thread.sleep(pauseMs);
        } finally {
            node.resume();
        }
        long t1 = System.currentTimeMillis();
        boolean back = cluster.observer().await(() -> cluster.converged(all), afterMs);
        long backMs = back ? System.currentTimeMillis() - t1 : -1;
        Thread.sleep(Math.max(0, afterMs - (System.currentTimeMillis() - t1)));
        List<LogEvent> verdicts = verdictsSince(cluster, t0);
        List<LogEvent> byPaused = verdicts.stream().filter(e -> e.observer().equals(node.name())).toList();
        List<LogEvent> aboutOthers = verdicts.stream().filter(e -> !e.member().equals(node.name())).toList();
        List<LogEvent> aboutPaused = verdicts.stream().filter(e -> e.member().equals(node.name())).toList();
        return new Pause(node.name(), byPaused, aboutOthers, aboutPaused, backMs);
    }

    /** Per other node, how long after a graceful stop (SIGTERM) it logged the node LEFT (ms; -1: not seen). */
    public record Leave(String node, Map<String, Long> leftSeenMs) {
        public Stats seen() {
            return Stats.of(leftSeenMs.values());
        }
    }

    /** Stops {@code node} gracefully and waits, at most {@code timeoutMs}, until every other node logged it LEFT. */
    public static Leave gracefulStop(LabCluster cluster, LabNode node, long timeoutMs) throws InterruptedException {
        List<LabNode> others = cluster.running().stream().filter(n -> n != node).toList();
        long t0 = System.currentTimeMillis();
        node.stop(timeoutMs);
        Waits.until(() -> others.stream().allMatch(o -> firstStatus(o, node.name(), "LEFT", t0) >= 0), timeoutMs, 100);
        Map<String, Long> seen = new LinkedHashMap<>();
        for (LabNode o : others) {
            long t = firstStatus(o, node.name(), "LEFT", t0);
            seen.put(o.name(), t >= 0 ? t - t0 : -1);
        }
        return new Leave(node.name(), seen);
    }

    /**
     * Per other node, how long after a stopped node's gossip started again (new generation) that node
     * logged it as restarted or joined (ms; -1: not seen).
     */
    public record Restart(String node, Map<String, Long> seenMs) {
        public Stats seen() {
            return Stats.of(seenMs.values());
        }
    }

    /** Starts a stopped {@code node} again and waits, at most {@code timeoutMs}, until every other node saw it back. */
    public static Restart restart(LabCluster cluster, LabNode node, long timeoutMs) throws IOException, InterruptedException {
        List<LabNode> others = cluster.running().stream().filter(n -> n != node).toList();
        long t0 = System.currentTimeMillis();
        cluster.restart(node);
        Waits.until(() -> gossipStarted(node) >= 0 && others.stream().allMatch(o -> back(o, node.name(), t0) >= 0),
                timeoutMs, 100);
        long started = gossipStarted(node);
        Map<String, Long> seen = new LinkedHashMap<>();
        for (LabNode o : others) {
            long t = back(o, node.name(), t0);
            seen.put(o.name(), t >= 0 && started >= 0 ? t - started : -1);
        }
        return new Restart(node.name(), seen);
    }

    private static long back(LabNode observer, String member, long sinceMs) {
        for (LogEvent e : observer.events()) {
            if (e.member().equals(member) && e.timeMs() >= sinceMs
                    && (e.kind() == LogEvent.Kind.RESTARTED || e.kind() == LogEvent.Kind.JOINED)) {
                return e.timeMs();
            }
        }
        return -1;
    }

    /** Every status change to SUSPECT or DEAD logged at or after {@code sinceMs}, by any node, about anyone. */
    public static List<LogEvent> verdictsSince(LabCluster cluster, long sinceMs) {
        return cluster.events().stream().filter(e -> e.kind() == LogEvent.Kind.STATUS && e.timeMs() >= sinceMs
                && (e.status().equals("DEAD") || e.status().equals("SUSPECT"))).toList();
    }
}
