package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.punnet.detector.api.PeerAssessment;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.rest.fakes.FakeDetector;
import io.punnet.rest.fakes.FakeMetrics;

class MetricsRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void thisNodeInNodeExporterNamesWithGossipAndDetector() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.SUSPECT, Map.of());
        f.fakeCluster().stats = new GossipStats(10, 20, 30, 4000, 5000, Map.of("auth", 3L, "malformed", 1L), 2);
        f.metrics = new FakeMetrics().put("local", FakeMetrics.sample(), 10);
        f.detector = new FakeDetector().add(new PeerAssessment("a", 2000, 9.5, 8.0, 1.1875, true, 1000, 50, 30, 4200, 31));
        Reply reply = f.get("/metrics");
        assertEquals("text/plain; version=0.0.4; charset=utf-8", reply.contentType());
        String text = reply.text();
        for (String line : new String[] {
            "node_load1 0.5", "node_memory_MemAvailable_bytes 1073741824", "node_memory_SwapFree_bytes 805306368",
            "node_filesystem_avail_bytes{mountpoint=\"/\",fstype=\"rootfs\"} 17179869184",
            "node_thermal_zone_temp{type=\"cpu-thermal\",zone=\"0\"} 47.5", "node_boot_time_seconds 1699996400",
            "punnet_cpu_usage_ratio 0.25", "jvm_memory_used_bytes{area=\"heap\",id=\"heap\"} 52428800",
            "punnet_gossip_rounds_total 10", "punnet_gossip_bytes_received_total 5000",
            "punnet_gossip_dropped_total{reason=\"auth\"} 3", "punnet_gossip_dropped_total{reason=\"malformed\"} 1",
            "punnet_gossip_convictions_total 2", "punnet_gossip_members{status=\"alive\"} 1",
            "punnet_gossip_members{status=\"suspect\"} 1", "punnet_gossip_members{status=\"dead\"} 0",
            "punnet_detector_phi{peer=\"a\"} 9.5", "punnet_detector_suspected{peer=\"a\"} 1",
            "punnet_detector_phi_threshold 8.0", "punnet_detector_local_pauses_total 2",
            "punnet_detector_heartbeat_age_seconds{peer=\"a\"} 4.2", "punnet_rest_event_streams 3",
            "punnet_rest_event_streams_dropped_slow_total 1"}) {
            assertTrue(text.contains("\n" + line + "\n"), line + " missing in\n" + text);
        }
        assertTrue(text.contains("# TYPE punnet_gossip_rounds_total counter\n"));
        assertTrue(text.contains("# TYPE punnet_rest_event_streams gauge\n"));
        assertTrue(text.contains("# TYPE punnet_rest_event_streams_dropped_slow_total counter\n"));
        assertFamiliesContiguous(text);
    }

    @Test
    void withoutMonitoringOrDetectorTheScrapeStillWorks() {
        Reply reply = f.get("/metrics");
        assertEquals(200, reply.status());
        assertFalse(reply.text().contains("node_load1"));
        assertFalse(reply.text().contains("punnet_detector_phi"));
        assertTrue(reply.text().contains("punnet_gossip_rounds_total 0"));
    }

    @Test
    void theClusterScrapeLabelsEveryNode() {
        f.fakeCluster().with("a\"b", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of());
        f.metrics = new FakeMetrics().put("local", FakeMetrics.sample(), 1500)
                .put("a\"b", NodeMetrics.builder().load(2.0, 1.0, 0.5).build(), 250);
        String text = f.get("/metrics/cluster").text();
        assertTrue(text.contains("\nnode_load1{node=\"a\\\"b\"} 2.0\nnode_load1{node=\"local\"} 0.5\n"), text);
        assertTrue(text.contains("\npunnet_metrics_age_seconds{node=\"local\"} 1.5\n"), text);
        assertTrue(text.contains("\npunnet_node_up{node=\"local\",status=\"alive\"} 1\n"), text);
        assertTrue(text.contains("\nnode_filesystem_size_bytes{node=\"local\",mountpoint=\"/\",fstype=\"rootfs\"} 34359738368\n"), text);
        assertFalse(text.contains("node_memory_MemTotal_bytes{node=\"a\\\"b\"}"), "unknown figures are left out");
        assertFamiliesContiguous(text);
    }

    /** Every family's samples follow its TYPE line, and a family is declared once. */
    private static void assertFamiliesContiguous(String text) {
        Set<String> declared = new HashSet<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                current = line.split(" ")[2];
                assertTrue(declared.add(current), "declared twice: " + current);
            } else if (!line.startsWith("#")) {
                String name = line.split("[{ ]")[0];
                assertEquals(current, name, "sample outside its family: " + line);
            }
        }
    }
}
