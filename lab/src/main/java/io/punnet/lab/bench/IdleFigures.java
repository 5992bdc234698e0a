package io.punnet.lab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.punnet.lab.LabCluster;
import io.punnet.lab.LabNode;
import io.punnet.lab.Stats;

/**
 * What an idle node costs, measured over a quiet window with the observer's polls stopped (so its
 * HTTP traffic and JSON work are not counted): bytes sent per second (gossip: UDP + push-pull TCP;
 * all: everything on eth0 but the observer's, mDNS included; IP packet sizes as nftables counts
 * them), CPU share of one core, and resident memory.
 */
record IdleFigures(Stats gossipBytesPerS, Stats allBytesPerS, Stats cpuPermille, Stats rssKiB) {

    static IdleFigures measure(LabCluster cluster, long windowMs) throws IOException, InterruptedException {
        List<LabNode> nodes = cluster.running();
        for (LabNode n : nodes) {
            cluster.observer().forget(n);
        }
        List<Map<String, Long>> bytes0 = new ArrayList<>();
        List<Long> cpu0 = new ArrayList<>();
        for (LabNode n : nodes) {
            bytes0.add(cluster.network().sentBytes(n.index()));
            cpu0.add(n.cpuTicks());
        }
        long t0 = System.nanoTime();
        Thread.sleep(windowMs);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Long> gossip = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            LabNode n = nodes.get(k);
            Map<String, Long> b1 = cluster.network().sentBytes(n.index());
            Map<String, Long> b0 = bytes0.get(k);
            long g = delta(b1, b0, "gossip-udp") + delta(b1, b0, "pushpull-out") + delta(b1, b0, "pushpull-in");
            gossip.add(Math.round(g / seconds));
            all.add(Math.round(delta(b1, b0, "all") / seconds));
            // ticks are 1/100 s: permille of one core = ticks * 10 / seconds
            cpu.add(Math.round((n.cpuTicks() - cpu0.get(k)) * 10 / seconds));
            rss.add(n.rssKiB());
        }
        for (LabNode n : nodes) {
            cluster.observer().watch(n);
        }
        return new IdleFigures(Stats.of(gossip), Stats.of(all), Stats.of(cpu), Stats.of(rss));
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }
}
