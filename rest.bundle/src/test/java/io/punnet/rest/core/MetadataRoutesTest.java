package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.rest.fakes.FakeMetadata;

class MetadataRoutesTest {

    private final Fixture f = new Fixture();

    @Test
    void changesOfThisNodeAnswerTheMetadataAfter() {
        Reply added = f.authorized("PUT", "/api/v1/nodes/local/meta-data/services/nginx");
        assertEquals(200, added.status());
        assertEquals("{\"node\":\"local\",\"services\":[\"nginx\"],\"tags\":[]}", added.text());
        assertEquals("{\"node\":\"local\",\"services\":[\"nginx\"],\"tags\":[\"rack-2\"]}",
                f.authorized("PUT", "/api/v1/nodes/local/meta-data/tags/rack-2").text());
        assertEquals(409, f.authorized("PUT", "/api/v1/nodes/local/meta-data/tags/rack-2").status());
        assertEquals("{\"node\":\"local\",\"services\":[],\"tags\":[\"rack-2\"]}",
                f.authorized("DELETE", "/api/v1/nodes/local/meta-data/services/nginx").text());
        Reply missing = f.authorized("DELETE", "/api/v1/nodes/local/meta-data/services/nginx");
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
        assertEquals("{\"status\":404,\"title\":\"Not Found\",\"detail\":\"service 'nginx' is not present\"}", missing.text());
        assertEquals(400, f.authorized("PUT", "/api/v1/nodes/local/meta-data/services/No").status());
        assertEquals(404, f.authorized("PUT", "/api/v1/nodes/local/meta-data/colours/red").status());
    }

    @Test
    void aChangeOfAnotherNodeIsForwardedToItsPublishedPort() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of("http", "8081"));
        Reply reply = f.authorized("PUT", "/api/v1/nodes/a/meta-data/services/nginx");
        assertEquals("{\"forwarded\":true}", reply.text());
        assertEquals(List.of("PUT http://10.0.0.2:8081/api/v1/nodes/a/meta-data/services/nginx auth=Bearer " + Fixture.TOKEN),
                f.forwarded);
        assertEquals(List.of(), f.metadata.current().services());
    }

    @Test
    void aForwardedCallIsNeverForwardedAgain() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of("http", "8081"));
        Reply reply = f.call("PUT", "/api/v1/nodes/a/meta-data/services/nginx", "10.0.0.9",
                "Authorization", "Bearer " + Fixture.TOKEN, Forwarder.FORWARDED_HEADER, "b");
        assertEquals(409, reply.status());
        assertTrue(f.forwarded.isEmpty());
    }

    @Test
    void anOwnerThatCannotBeReachedIsAClearAnswer() {
        f.fakeCluster().with("quiet", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of())
                .with("dead", "10.0.0.3", 7946, MemberStatus.DEAD, Map.of("http", "8080"));
        assertEquals(503, f.authorized("PUT", "/api/v1/nodes/quiet/meta-data/services/nginx").status());
        assertEquals(503, f.authorized("PUT", "/api/v1/nodes/dead/meta-data/services/nginx").status());
        assertEquals(404, f.authorized("PUT", "/api/v1/nodes/nobody/meta-data/services/nginx").status());
        assertTrue(f.forwarded.isEmpty());
    }

    @Test
    void theChangesNeedTheToken() {
        assertEquals(401, f.call("DELETE", "/api/v1/nodes/local/meta-data/services/nginx", "10.0.0.9").status());
        assertEquals(401, f.call("PUT", "/api/v1/nodes/a/meta-data/services/nginx", "10.0.0.9").status());
        assertTrue(f.forwarded.isEmpty());
    }

    @Test
    void readsOfOneNodeAndOfAll() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of());
        f.metadata = new FakeMetadata("local").other("a", List.of("redis"), List.of("zone:kitchen"));
        assertEquals("{\"node\":\"a\",\"services\":[\"redis\"],\"tags\":[\"zone:kitchen\"]}",
                f.get("/api/v1/nodes/a/meta-data").text());
        assertEquals("{\"a\":{\"services\":[\"redis\"],\"tags\":[\"zone:kitchen\"]},\"local\":{\"services\":[],\"tags\":[]}}",
                f.get("/api/v1/meta-data").text());
        assertEquals(404, f.get("/api/v1/nodes/nobody/meta-data").status());
        f.metadata = null;
        assertEquals(503, f.get("/api/v1/meta-data").status());
    }
}
