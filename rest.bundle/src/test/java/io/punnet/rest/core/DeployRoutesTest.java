package io.punnet.rest.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.rest.fakes.FakeDeployments;

class DeployRoutesTest {

    private static final byte[] JAR = "PK\u0003\u0004 pretend jar".getBytes(StandardCharsets.ISO_8859_1);

    private final Fixture f = new Fixture();
    private final FakeDeployments deploy = new FakeDeployments();

    DeployRoutesTest() {
        f.deployments = deploy;
    }

    /** A streamed POST: the body is offered only as a stream, never as the read body. */
    private Reply post(String path, String query, byte[] jar, String... headers) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            map.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return f.api().dispatch(new Call("POST", path, name -> map.get(name.toLowerCase()), "192.168.1.9", new byte[0],
                Map.of(), query, () -> new ByteArrayInputStream(jar)));
    }

    private Reply upload(String query, byte[] jar) {
        return post("/bundles", query, jar, "Authorization", "Bearer " + Fixture.TOKEN,
                "Content-Type", "application/java-archive");
    }

    @Test
    void aPostedJarIsStreamedToDeployAndAnswered202WithTheRolloutsLocation() {
        Reply reply = upload("target=tag%3Arack-2&canary&force=false&sha256=ab12", JAR);
        assertEquals(202, reply.status());
        assertEquals("application/json", reply.contentType());
        assertEquals("{\"id\":\"r1\",\"location\":\"/rollouts/r1\"}", reply.text());
        assertEquals("/rollouts/r1", reply.headers().get("Location"));
        assertEquals(1, deploy.submitted.size());
        FakeDeployments.Submission s = deploy.submitted.get(0);
        assertEquals("tag:rack-2", s.target());
        assertEquals(new DeployOptions(false, true, false, "ab12"), s.options());
        assertEquals(List.of(JAR.length), List.of(s.jar().length));
    }

    @Test
    void theDefaultsAreAllNodesAndNoOption() {
        assertEquals(202, upload("", JAR).status());
        assertEquals("all", deploy.submitted.get(0).target());
        assertEquals(DeployOptions.defaults(), deploy.submitted.get(0).options());
        assertEquals(202, post("/api/v1/bundles", "gossip=1&force&target=node:a,b", JAR, "Authorization",
                "Bearer " + Fixture.TOKEN, "Content-Type", "Application/Java-Archive; q=1").status());
        assertEquals("node:a,b", deploy.submitted.get(1).target());
        assertEquals(new DeployOptions(true, false, true, null), deploy.submitted.get(1).options());
    }

    @Test
    void aBodyBeyondDeploysCapIs413AndReadNoFurtherThanTheCap() {
        deploy.cap = 10;
        Reply reply = upload("", new byte[10_000]);
        assertEquals(413, reply.status());
        assertEquals("{\"status\":413,\"title\":\"Content Too Large\",\"detail\":\"the jar is larger than 10 bytes\","
                + "\"reason\":\"TOO_LARGE\"}", reply.text());
        assertEquals(11, deploy.bytesRead);
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyRefusalIsAProblemWithItsStatusAndReasonText(Reason reason) {
        deploy.refusal = new DeploymentRefusedException(reason, "refused because " + reason);
        Reply reply = upload("", JAR);
        int expected = switch (reason.name()) {
            case "TOO_LARGE" -> 413;
            case "NOT_READY" -> 503;
            case "DOWNGRADE", "GOSSIP_NOT_ALLOWED" -> 409;
            default -> 400;
        };
        assertEquals(expected, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals("{\"status\":" + expected + ",\"title\":\"" + Problems.title(expected) + "\",\"detail\":\"refused because "
                + reason + "\",\"reason\":\"" + reason + "\"}", reply.text());
    }

    @Test
    void aStoreFailureIsAProblemNotABug() {
        deploy.failure = new IOException("disk full");
        Reply reply = upload("", JAR);
        assertEquals(500, reply.status());
        assertEquals("{\"status\":500,\"title\":\"Internal Server Error\",\"detail\":\"the jar could not be read or stored: disk full\"}",
                reply.text());
        assertTrue(f.bugs.isEmpty());
    }

    @Test
    void withoutTheTokenNothingIsRead() {
        Reply none = post("/bundles", "", JAR, "Content-Type", "application/java-archive");
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"punnet\"", none.headers().get("WWW-Authenticate"));
        assertEquals(401, post("/bundles", "", JAR, "Authorization", "Bearer wrong", "Content-Type",
                "application/java-archive").status());
        Reply crossSite = post("/bundles", "", JAR, "Authorization", "Bearer " + Fixture.TOKEN, "Content-Type",
                "application/java-archive", "Origin", "http://evil.example", "Host", "10.0.0.1:8080");
        assertEquals(403, crossSite.status());
        assertEquals(0, deploy.bytesRead);
        assertTrue(deploy.submitted.isEmpty());
    }

    @Test
    void anotherMediaTypeIs415() {
        for (String type : new String[] {"application/octet-stream", "application/java-archivex", "multipart/form-data"}) {
            Reply reply = post("/bundles", "", JAR, "Authorization", "Bearer " + Fixture.TOKEN, "Content-Type", type);
            assertEquals(415, reply.status(), type);
            assertEquals("{\"status\":415,\"title\":\"Unsupported Media Type\","
                    + "\"detail\":\"post the jar with 'Content-Type: application/java-archive'\"}", reply.text());
        }
        assertEquals(415, post("/bundles", "", JAR, "Authorization", "Bearer " + Fixture.TOKEN).status());
        assertEquals(0, deploy.bytesRead);
    }

    @Test
    void badQueriesAre400BeforeAnythingIsRead() {
        assertEquals("{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"unknown query parameter 'canery'; "
                + "known: canary, force, gossip, sha256, target\"}", upload("canery", JAR).text());
        assertEquals(400, upload("force=maybe", JAR).status());
        assertEquals(400, upload("target=all&target=tag:x", JAR).status());
        assertEquals(400, upload("target=%zz", JAR).status());
        assertEquals(0, deploy.bytesRead);
    }

    @Test
    void withoutDeployTheDeployRoutesAre503AndTheRestStillAnswers() {
        f.deployments = null;
        assertEquals(503, upload("", JAR).status());
        assertEquals(503, f.get("/bundles").status());
        assertEquals(503, f.get("/api/v1/rollouts").status());
        Reply one = f.get("/rollouts/r1");
        assertEquals(503, one.status());
        assertEquals("{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"temporarily unavailable: "
                + "the deploy service is not running on this node\"}", one.text());
        assertEquals(200, f.get("/api/v1/nodes").status());
        assertTrue(f.bugs.isEmpty());
    }

    @Test
    void rolloutsReadBackWithEveryNodesState() {
        deploy.rollouts.add(new RolloutStatus("r2", "io.x", "1.1.0", "ab", "all", RolloutStatus.Phase.IN_PROGRESS, "a",
                List.of(new NodeProgress("a", NodeState.ACTIVE, ""), new NodeProgress("b", NodeState.FETCHING, null))));
        deploy.rollouts.add(new RolloutStatus("r1", "io.x", "1.0.0", "cd", "tag:k", RolloutStatus.Phase.FAILED, null,
                List.of(new NodeProgress("a", NodeState.ROLLED_BACK, "not ACTIVE in 30 s"))));
        String r2 = "{\"id\":\"r2\",\"symbolicName\":\"io.x\",\"version\":\"1.1.0\",\"sha256\":\"ab\",\"target\":\"all\","
                + "\"phase\":\"IN_PROGRESS\",\"done\":false,\"canaryNode\":\"a\",\"nodes\":[{\"node\":\"a\",\"state\":\"ACTIVE\","
                + "\"reason\":\"\"},{\"node\":\"b\",\"state\":\"FETCHING\",\"reason\":\"\"}]}";
        String r1 = "{\"id\":\"r1\",\"symbolicName\":\"io.x\",\"version\":\"1.0.0\",\"sha256\":\"cd\",\"target\":\"tag:k\","
                + "\"phase\":\"FAILED\",\"done\":true,\"canaryNode\":\"\",\"nodes\":[{\"node\":\"a\",\"state\":\"ROLLED_BACK\","
                + "\"reason\":\"not ACTIVE in 30 s\"}]}";
        assertEquals(r2, f.get("/rollouts/r2").text());
        assertEquals(r1, f.get("/api/v1/rollouts/r1").text());
        assertEquals("{\"rollouts\":[" + r2 + "," + r1 + "]}", f.get("/rollouts").text());
        assertEquals("{\"rollouts\":[" + r2 + "," + r1 + "]}", f.get("/api/v1/rollouts").text());
        assertEquals(404, f.get("/rollouts/r9").status());
        Reply bad = f.get("/rollouts/" + "x".repeat(65));
        assertEquals(400, bad.status());
        assertTrue(!bad.text().contains("xxxx"), "a bad id is not echoed");
        assertEquals(400, f.get("/rollouts/a.b").status());
    }

    @Test
    void bundlesOfEveryNodeByName() {
        deploy.bundles.put("b", List.of(new BundleInfo("io.y", "2.0.0", "RESOLVED", null)));
        deploy.bundles.put("a", List.of(new BundleInfo("io.x", "1.0.0", "ACTIVE", "0123456789abcdef")));
        String expected = "{\"nodes\":{\"a\":[{\"symbolicName\":\"io.x\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\","
                + "\"digest\":\"0123456789abcdef\"}],\"b\":[{\"symbolicName\":\"io.y\",\"version\":\"2.0.0\","
                + "\"state\":\"RESOLVED\",\"digest\":\"\"}]}}";
        assertEquals(expected, f.get("/bundles").text());
        assertEquals(expected, f.get("/api/v1/bundles").text());
        assertEquals(405, f.call("DELETE", "/bundles", "10.0.0.9").status());
    }

    @Test
    void theNodeViewTakesItsBundlesFromDeployNotFromRawGossip() {
        f.fakeCluster().with("a", "10.0.0.2", 7946, MemberStatus.ALIVE, Map.of("bundles", "0|page-zero-only"));
        deploy.bundles.put("a", List.of(new BundleInfo("io.x", "1.0.0", "ACTIVE", "0123456789abcdef")));
        assertTrue(f.get("/api/v1/nodes/a").text().endsWith(",\"bundles\":[{\"symbolicName\":\"io.x\",\"version\":\"1.0.0\","
                + "\"state\":\"ACTIVE\",\"digest\":\"0123456789abcdef\"}]}"), f.get("/api/v1/nodes/a").text());
        assertTrue(f.get("/api/v1/nodes/local").text().endsWith(",\"bundles\":[]}"));
        f.deployments = null;
        assertTrue(f.get("/api/v1/nodes/a").text().endsWith(",\"bundles\":null}"));
    }

    @Test
    void onlyTheUploadIsStreamed() {
        Router router = f.api().router();
        assertTrue(router.streams("POST", "/bundles"));
        assertTrue(router.streams("POST", "/api/v1/bundles"));
        assertTrue(!router.streams("GET", "/bundles"));
        assertTrue(!router.streams("PUT", "/api/v1/nodes/local/meta-data/services/x"));
        assertTrue(!router.streams("POST", "/nowhere"));
    }
}
