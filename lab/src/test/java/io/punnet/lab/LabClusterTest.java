package io.punnet.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real nodes (the distribution's bin/punnet) in network namespaces, finding each other by mDNS
 * alone. Skipped when not root, without 'ip netns' and nft, or without a built distribution. The
 * bounds are loose (a shared two-core machine); the benchmarks measure the figures.
 */
class LabClusterTest {

    private static final long SETTLE_MS = 15_000;

    @BeforeAll
    static void needTheLab() {
        assumeTrue(LabNetwork.available(), "needs root, 'ip netns' and nft");
        assumeTrue(Files.isExecutable(LabOptions.findDist().resolve("bin/punnet")),
                "needs the distribution: mvn -q install -DskipTests");
    }

    private static LabOptions options(int n, String test) {
        return LabOptions.of(n).withWorkDir(Path.of("target", "lab-runs", test + "-" + System.currentTimeMillis()).toAbsolutePath());
    }

    @Test
    @Timeout(180)
    void aKilledNodeIsSuspectedAndConvictedByEverySurvivor() throws Exception {
        try (LabCluster cluster = LabCluster.start(options(4, "kill"))) {
            assertTrue(cluster.awaitConverged(60_000), "the nodes did not find each other by mDNS");
            Thread.sleep(SETTLE_MS); // the detectors learn the heartbeat rhythm before the kill
            Scenarios.Detection d = Scenarios.killNine(cluster, cluster.node(2), 45_000);
            System.out.println("kill -9 at N=4: suspected " + d.suspected() + " ms; convicted " + d.convicted() + " ms");
            assertEquals(3, d.suspected().count(), () -> "not every survivor suspected: " + d);
            assertEquals(3, d.convicted().count(), () -> "not every survivor convicted: " + d);
            // the figures (median <= 3.5 s at N=10) are the benchmark's: this machine is shared and often loaded
            assertTrue(d.convicted().max() < 45_000, () -> "conviction took too long: " + d);
            // and the public API agrees
            assertTrue(cluster.observer().await(() -> cluster.running().stream().allMatch(
                    n -> !cluster.observer().view(n.name()).getOrDefault("n2", new MemberView("ABSENT", 0)).alive()), 10_000));
        }
    }

    @Test
    @Timeout(180)
    void aPartitionIsConvictedAcrossAndHealsOnItsOwn() throws Exception {
        try (LabCluster cluster = LabCluster.start(options(4, "partition"))) {
            assertTrue(cluster.awaitConverged(60_000), "the nodes did not find each other by mDNS");
            Scenarios.Partition p = Scenarios.partitionAndHeal(cluster, List.of(1, 2), List.of(3, 4), 60_000);
            System.out.println("partition 2|2: split convicted after " + p.splitDetectedMs() + " ms; healed in "
                    + p.healMs() + " ms");
            assertTrue(p.splitDetectedMs() >= 0, "the sides did not convict each other");
            assertTrue(p.healMs() >= 0, "the cluster did not heal");
        }
    }

    @Test
    @Timeout(180)
    void aLateNodeIsSeenByEveryone() throws Exception {
        try (LabCluster cluster = LabCluster.start(options(3, "join"))) {
            assertTrue(cluster.awaitConverged(60_000), "the nodes did not find each other by mDNS");
            Scenarios.Join j = Scenarios.lateJoin(cluster, 4, 30_000);
            System.out.println("late join at N=3: start to HTTP 200 " + j.startToHttpOkMs() + " ms; seen by the others "
                    + j.seen() + " ms after its first gossip packet (upper bounds; bracket " + j.resolutionMs() + " ms wide)");
            assertEquals(3, j.seen().count(), () -> "not everyone saw it: " + j);
            assertTrue(cluster.awaitConverged(30_000), "the cluster did not converge with the newcomer");
        }
    }

    @Test
    @Timeout(180)
    void withoutMulticastTheStaticSeedsStillMakeOneCluster() throws Exception {
        LabOptions seedsOnly = options(3, "seeds").withStaticSeeds(true).withEnv("PUNNET_DISCOVERY_INTERFACES", "none");
        try (LabCluster cluster = LabCluster.start(seedsOnly)) {
            assertTrue(cluster.awaitConverged(60_000), "the nodes did not join through the seed");
            long mdnsBytes = 0;
            for (LabNode n : cluster.nodes()) {
                mdnsBytes += cluster.network().sentBytes(n.index()).getOrDefault("mdns", 0L);
            }
            assertEquals(0, mdnsBytes, "mDNS was sent although discovery.interfaces=none");
        }
    }
}
