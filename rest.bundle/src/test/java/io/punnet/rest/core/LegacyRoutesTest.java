package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.rest.fakes.FakeMetadata;
import io.punnet.rest.fakes.FakeMetrics;

class LegacyRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void aliveListsAliveMembersByNameWithTheLocalNode() {
        f.fakeCluster().with("b", "10.0.0.3", 7947, MemberStatus.ALIVE, Map.of())
                .with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of())
                .with("c", "10.0.0.4", 7946, MemberStatus.SUSPECT, Map.of())
                .with("d", "10.0.0.5", 7946, MemberStatus.DEAD, Map.of());
        Reply reply = f.get("/nodes/alive");
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        assertEquals("{\"alivePeers\":[\"10.0.0.2:7946\",\"10.0.0.3:7947\",\"10.0.0.1:7946\"]}", reply.text());
    }

    @Test
    void monitoringHasTheOriginalShapeThenTheAddedFields() {
        f.metrics = new FakeMetrics().put("local", FakeMetrics.sample(), 100);
        assertEquals("{\"res\":[{\"name\":\"local\",\"ip\":\"10.0.0.1\",\"countCPUs\":4,\"cpus\":0.25,\"freemem\":1024,"
                + "\"totalmem\":4096,\"loadavg1\":0.5,\"loadavg5\":0.25,\"loadavg15\":0.125,\"temperature\":47.5,"
                + "\"diskfree\":16384,\"disktotal\":32768,\"sampledAt\":1700000000000}]}", f.get("/nodes/monitoring").text());
    }

    @Test
    void aNodeWithoutFiguresIsListedWithNulls() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of());
        f.metrics = new FakeMetrics().put("local", NodeMetrics.builder().cpuCount(2).build(), 5);
        String nulls = "\"cpus\":null,\"freemem\":null,\"totalmem\":null,\"loadavg1\":null,\"loadavg5\":null,"
                + "\"loadavg15\":null,\"temperature\":null,\"diskfree\":null,\"disktotal\":null,\"sampledAt\":null}";
        assertEquals("{\"res\":[{\"name\":\"a\",\"ip\":\"10.0.0.2\",\"countCPUs\":null," + nulls
                + ",{\"name\":\"local\",\"ip\":\"10.0.0.1\",\"countCPUs\":2," + nulls + "]}", f.get("/nodes/monitoring").text());
    }

    @Test
    void withoutMonitoringEveryNodeIsListedWithNullsNot500() {
        f.metrics = null;
        Reply reply = f.get("/nodes/monitoring");
        assertEquals(200, reply.status());
        assertTrue(reply.text().startsWith("{\"res\":[{\"name\":\"local\",\"ip\":\"10.0.0.1\",\"countCPUs\":null,"), reply.text());
    }

    @Test
    void workingServiceListsTheAddressesOfAliveNodesThatRunIt() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of())
                .with("b", "10.0.0.3", 7946, MemberStatus.DEAD, Map.of())
                .with("c", "10.0.0.4", 7946, MemberStatus.ALIVE, Map.of());
        f.metadata = new FakeMetadata("local").other("a", List.of("nginx"), List.of())
                .other("b", List.of("nginx"), List.of()).other("c", List.of("redis"), List.of());
        f.metadata.addService("nginx");
        assertEquals("{\"res\":[\"10.0.0.2\",\"10.0.0.1\"]}", f.get("/nodes/workingService/nginx").text());
        assertEquals("{\"res\":[]}", f.get("/nodes/workingService/absent").text());
    }

    @Test
    void workingServiceRefusesABadNameWithErr() {
        Reply reply = f.get("/nodes/workingService/Bad!Name");
        assertEquals(400, reply.status());
        assertEquals(Reply.PROBLEM, reply.contentType());
        assertTrue(reply.text().startsWith("{\"err\":\"a service name is made of"), reply.text());
        assertTrue(reply.text().contains("\"status\":400,\"title\":\"Bad Request\""), reply.text());
    }

    @Test
    void workingServiceWithoutMetadataIs503() {
        f.metadata = null;
        Reply reply = f.get("/nodes/workingService/nginx");
        assertEquals(503, reply.status());
        assertTrue(reply.text().contains("\"err\":\"temporarily unavailable: the meta-data service is not running"), reply.text());
    }

    @Test
    void addAndRemoveAServiceWithTheToken() {
        Reply added = f.authorized("PUT", "/meta-data/add-service/nginx");
        assertEquals(200, added.status());
        assertEquals("{\"service\":\"nginx\"}", added.text());
        assertEquals(List.of("nginx"), f.metadata.current().services());
        Reply removed = f.authorized("PUT", "/meta-data/remove-service/nginx");
        assertEquals("{\"service\":\"nginx\"}", removed.text());
        assertEquals(List.of(), f.metadata.current().services());
    }

    @Test
    void aDuplicateIs409AndNotAddedTwice() {
        f.authorized("PUT", "/meta-data/add-service/nginx");
        Reply again = f.authorized("PUT", "/meta-data/add-service/nginx");
        assertEquals(409, again.status());
        assertEquals("{\"err\":\"service 'nginx' is already present\",\"status\":409,\"title\":\"Conflict\","
                + "\"detail\":\"service 'nginx' is already present\"}", again.text());
        assertEquals(List.of("nginx"), f.metadata.current().services());
    }

    @Test
    void aMissingServiceIs404NotACrash() {
        Reply reply = f.authorized("PUT", "/meta-data/remove-service/nginx");
        assertEquals(404, reply.status());
        assertTrue(reply.text().startsWith("{\"err\":\"service 'nginx' is not present\""), reply.text());
    }

    @Test
    void aBadNameIs400() {
        assertEquals(400, f.authorized("PUT", "/meta-data/add-service/UPPER").status());
    }

    @Test
    void withoutTheTokenNothingChanges() {
        Reply reply = f.call("PUT", "/meta-data/add-service/nginx", "192.168.1.9");
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"punnet\"", reply.headers().get("WWW-Authenticate"));
        assertTrue(reply.text().startsWith("{\"err\":"), reply.text());
        assertEquals(401, f.call("PUT", "/meta-data/add-service/nginx", "192.168.1.9", "Authorization", "Bearer wrong").status());
        assertEquals(List.of(), f.metadata.current().services());
    }

    @Test
    void anOpenNetworkMayUseTheOldRoutesWithoutAToken() {
        assertEquals(200, f.call("PUT", "/meta-data/add-service/nginx", "10.1.2.3").status());
        assertEquals(List.of("nginx"), f.metadata.current().services());
        // a wrong token is still wrong, even from an open network
        assertEquals(401, f.call("PUT", "/meta-data/remove-service/nginx", "10.1.2.3", "Authorization", "Bearer x").status());
        // a browser in the open network (it always sends an Origin, here a DNS-rebound one) gets no open door
        assertEquals(401, f.call("PUT", "/meta-data/remove-service/nginx", "10.1.2.3", "Origin", "http://rebound.example:8080",
                "Host", "rebound.example:8080").status());
        assertEquals(List.of("nginx"), f.metadata.current().services());
        // the open networks open the two old routes only
        assertEquals(401, f.call("PUT", "/api/v1/nodes/local/meta-data/services/redis", "10.1.2.3").status());
    }

    @Test
    void aCrossOriginChangeIs403EvenWithTheToken() {
        Reply reply = f.call("PUT", "/meta-data/add-service/nginx", "192.168.1.9", "Authorization", "Bearer " + Fixture.TOKEN,
                "Origin", "http://evil.example", "Host", "10.0.0.1:8080");
        assertEquals(403, reply.status());
        assertEquals(List.of(), f.metadata.current().services());
        Reply same = f.call("PUT", "/meta-data/add-service/nginx", "192.168.1.9", "Authorization", "Bearer " + Fixture.TOKEN,
                "Origin", "http://10.0.0.1:8080", "Host", "10.0.0.1:8080");
        assertEquals(200, same.status());
    }

    @Test
    void getOnAChangeRouteIs405WithAllow() {
        Reply reply = f.get("/meta-data/add-service/nginx");
        assertEquals(405, reply.status());
        assertEquals("PUT", reply.headers().get("Allow"));
        assertTrue(reply.text().startsWith("{\"err\":"), reply.text());
    }

    @Test
    void withoutGossipTheReadsAre503() {
        f.cluster = null;
        assertEquals(503, f.get("/nodes/alive").status());
        f.cluster = new io.punnet.rest.fakes.FakeCluster("local", "10.0.0.1", 7946);
        f.fakeCluster().stopped = true;
        assertEquals(503, f.get("/nodes/monitoring").status());
    }

    @Test
    void cpuIsAFractionWithoutFloatingNoise() {
        assertEquals(0.313, LegacyRoutes.fraction(31.3));
        assertEquals(1.0, LegacyRoutes.fraction(100.0));
        assertEquals(0.0001, LegacyRoutes.fraction(0.01));
        assertEquals(null, LegacyRoutes.fraction(null));
    }
}
