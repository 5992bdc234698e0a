package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.punnet.rest.fakes.FakeDetector;
import io.punnet.rest.fakes.FakeMetrics;

class HealthRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void upWhenEveryPartRuns() {
        f.metrics = new FakeMetrics();
        f.detector = new FakeDetector();
        Reply reply = f.get("/api/v1/health");
        assertEquals(200, reply.status());
        assertEquals("{\"status\":\"UP\",\"live\":true,\"ready\":true,\"components\":{\"gossip\":{\"status\":\"UP\","
                + "\"members\":1,\"live\":1},\"detector\":\"UP\",\"monitoring\":\"UP\",\"metadata\":\"UP\"}}", reply.text());
    }

    @Test
    void degradedButReadyWithoutAnOptionalPart() {
        Reply reply = f.get("/api/v1/health/ready");
        assertEquals(200, reply.status());
        assertEquals("{\"status\":\"DEGRADED\",\"live\":true,\"ready\":true}", reply.text());
    }

    @Test
    void notReadyWithoutGossipButLive() {
        f.cluster = null;
        assertEquals(503, f.get("/api/v1/health").status());
        assertEquals("{\"status\":\"DOWN\",\"live\":true,\"ready\":false}", f.get("/api/v1/health/ready").text());
        assertEquals(200, f.get("/api/v1/health/live").status());
    }
}
