package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.detector.api.PeerAssessment;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.rest.fakes.FakeDetector;
import io.punnet.rest.fakes.FakeMetadata;
import io.punnet.rest.fakes.FakeMetrics;

class NodeRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void theFullViewOfOneNode() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.SUSPECT,
                Map.of("http", "8081", "gossip.suspects", "b,c"));
        f.detector = new FakeDetector().add(new PeerAssessment("a", 2000, 9.5, 8.0, 9.5 / 8.0, true, 1000, 50, 30, 4200, 31));
        f.metrics = new FakeMetrics().put("a", FakeMetrics.sample(), 1500);
        f.metadata = new FakeMetadata("local").other("a", List.of("nginx"), List.of("rack-2"));
        Reply reply = f.get("/api/v1/nodes/a");
        assertEquals(200, reply.status());
        assertEquals("{\"name\":\"a\",\"local\":false,\"host\":\"10.0.0.2\",\"gossipPort\":7946,\"gossipEndpoint\":\"10.0.0.2:7946\","
                + "\"httpPort\":8081,\"status\":\"SUSPECT\",\"generation\":2000,\"heartbeat\":7,"
                + "\"phi\":{\"value\":9.5,\"threshold\":8.0,\"level\":1.1875,\"suspect\":true,\"meanIntervalMs\":1000.0,"
                + "\"stdDeviationMs\":50.0,\"samples\":30,\"lastHeartbeatAgeMs\":4200.0,\"heartbeatsSeen\":31,"
                + "\"explanation\":\"suspected: phi 9.50 >= threshold 8.00; last heartbeat 4200 ms ago, heartbeats every 1000 ms"
                + " (sd 50 ms) over 30 intervals\"},\"suspects\":[\"b\",\"c\"],"
                + "\"monitoring\":{\"cpuPercent\":25.0,\"load1\":0.5,\"load5\":0.25,\"load15\":0.125,\"cpuCount\":4,"
                + "\"memTotalBytes\":4294967296,\"memUsedBytes\":3221225472,\"memAvailableBytes\":1073741824,"
                + "\"swapTotalBytes\":1073741824,\"swapUsedBytes\":268435456,\"temperatureCelsius\":47.5,"
                + "\"diskTotalBytes\":34359738368,\"diskFreeBytes\":17179869184,\"uptimeSeconds\":3600,"
                + "\"jvmHeapUsedBytes\":52428800,\"jvmHeapMaxBytes\":268435456,\"jvmThreads\":40,"
                + "\"sampledAtMillis\":1700000000000,\"ageMs\":1500},"
                + "\"services\":[\"nginx\"],\"tags\":[\"rack-2\"],\"bundles\":null}", reply.text());
    }

    @Test
    void missingPartsAreNullNeverAFailure() {
        f.metrics = null;
        f.metadata = null;
        f.detector = null;
        Reply reply = f.get("/api/v1/nodes/local");
        assertEquals(200, reply.status());
        assertEquals("{\"name\":\"local\",\"local\":true,\"host\":\"10.0.0.1\",\"gossipPort\":7946,"
                + "\"gossipEndpoint\":\"10.0.0.1:7946\",\"httpPort\":null,\"status\":\"ALIVE\",\"generation\":1000,"
                + "\"heartbeat\":1,\"phi\":null,\"suspects\":[],\"monitoring\":null,\"services\":null,\"tags\":null,"
                + "\"bundles\":null}", reply.text());
    }

    @Test
    void theExplanationOfAPeerWithLittleHistory() {
        assertEquals("no heartbeat seen yet: not judged",
                NodeView.explain(new PeerAssessment("x", -1, 0, 8, 0, false, 0, 0, 0, 0, 0)));
        assertEquals("one heartbeat seen 120 ms ago: too little history to judge",
                NodeView.explain(new PeerAssessment("x", 5, 0, 8, 0, false, 0, 0, 0, 120, 1)));
        assertEquals("trusted: phi 0.42 < threshold 8.00; last heartbeat 800 ms ago, heartbeats every 1001 ms (sd 12 ms)"
                + " over 99 intervals", NodeView.explain(new PeerAssessment("x", 5, 0.42, 8, 0.05, false, 1001, 12, 99, 800, 100)));
    }

    @Test
    void everyNodeWithTheClusterAndLocalName() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.DEAD, Map.of());
        String text = f.get("/api/v1/nodes").text();
        assertTrue(text.startsWith("{\"cluster\":\"test\",\"local\":\"local\",\"nodes\":[{\"name\":\"a\","), text);
        assertTrue(text.contains("\"status\":\"DEAD\""), text);
        assertTrue(text.contains("{\"name\":\"local\",\"local\":true"), text);
    }

    @Test
    void thisNodeWithClusterAndUptime() {
        assertTrue(f.get("/api/v1/node").text().startsWith("{\"name\":\"local\",\"cluster\":\"test\",\"uptimeMs\":1234,\"local\":true,"));
    }

    @Test
    void anUnknownNodeIs404AndAnAbsurdName400() {
        assertEquals(404, f.get("/api/v1/nodes/nobody").status());
        assertEquals(400, f.get("/api/v1/nodes/" + "x".repeat(65)).status());
    }

    @Test
    void whoSuspectsWhom() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of("gossip.suspects", "c"))
                .with("b", "10.0.0.3", 7946, MemberStatus.ALIVE, Map.of("gossip.suspects", "c,a"))
                .with("c", "10.0.0.4", 7946, MemberStatus.DEAD, Map.of("gossip.suspects", "a,b"));
        assertEquals("{\"observers\":{\"a\":[\"c\"],\"b\":[\"c\",\"a\"],\"local\":[]},"
                + "\"suspected\":{\"a\":[\"b\"],\"c\":[\"a\",\"b\"]}}", f.get("/api/v1/suspicions").text());
    }
}
