package io.punnet.monitoring.internal;

import io.punnet.gossip.testing.FakeCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.monitoring.core.MetricsCodec;

class ClusterMetricsComponentTest {

    private final FakeCluster cluster = new FakeCluster();
    private final AtomicLong clock = new AtomicLong(10_000);
    private final MetricsCodec codec = new MetricsCodec();

    private Member pi(String name, double cpu) {
        String value = codec.encode(NodeMetrics.builder().cpuPercent(cpu).build());
        return FakeCluster.member(name, Map.of(MetricsCodec.KEY, value), false);
    }

    @Test
    void everyNodesLoadWithItsLocalAge() {
        cluster.put(pi("pi-1", 10));
        ClusterMetricsComponent metrics = new ClusterMetricsComponent(cluster, clock::get);
        clock.addAndGet(2_000);
        Member updated = pi("pi-2", 80);
        cluster.put(updated);
        metrics.clusterChanged(new ClusterEvent(ClusterEvent.Type.STATE_CHANGED, updated, null, MetricsCodec.KEY));
        clock.addAndGet(500);

        Map<String, MetricsReading> all = metrics.all();
        assertEquals(2, all.size(), all.toString());
        assertEquals(2_500, all.get("pi-1").ageMillis());
        assertEquals(500, all.get("pi-2").ageMillis());
        assertEquals(80.0, metrics.of("pi-2").orElseThrow().metrics().cpuPercent());
    }

    @Test
    void theListenerGivesTheExactReceiveTimeEvenIfTheQueryComesLater() {
        ClusterMetricsComponent metrics = new ClusterMetricsComponent(cluster, clock::get);
        Member pi = pi("pi-1", 10);
        cluster.put(pi);
        metrics.clusterChanged(new ClusterEvent(ClusterEvent.Type.JOINED, pi, null, null));
        clock.addAndGet(7_000);
        assertEquals(7_000, metrics.of("pi-1").orElseThrow().ageMillis());
    }

    @Test
    void removedMembersAreForgotten() {
        cluster.put(pi("pi-1", 10));
        ClusterMetricsComponent metrics = new ClusterMetricsComponent(cluster, clock::get);
        Member gone = FakeCluster.member("pi-1", Map.of(), false);
        cluster.remove("pi-1");
        metrics.clusterChanged(new ClusterEvent(ClusterEvent.Type.REMOVED, gone, MemberStatus.DEAD, null));
        assertTrue(metrics.of("pi-1").isEmpty());
        assertTrue(metrics.all().isEmpty(), "the local node has published nothing yet");
    }
}
