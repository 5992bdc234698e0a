package io.punnet.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 6 on real processes: three nodes of the distribution on loopback form a cluster; a service
 * added on one node shows on the others within 3 seconds, and the monitoring figures of every node
 * are visible from every node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeNodeClusterTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "three-node-test-token-0123456789";

    private final List<NodeProcess> nodes = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        NodeProcess first = NodeProcess.start("tri-1", Map.of("PUNNET_API_TOKEN", TOKEN));
        nodes.add(first);
        String seed = "127.0.0.1:" + first.gossipPort;
        for (int i = 2; i <= 3; i++) {
            nodes.add(NodeProcess.start("tri-" + i, Map.of("PUNNET_API_TOKEN", TOKEN, "PUNNET_SEEDS", seed)));
        }
        for (NodeProcess node : nodes) {
            node.awaitHttp200("/api/v1/node", Duration.ofSeconds(90));
        }
        for (NodeProcess node : nodes) {
            await(node, "/api/v1/nodes", body -> aliveNames(body).size() == 3, Duration.ofSeconds(60));
        }
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        for (NodeProcess node : nodes) {
            node.close();
        }
    }

    @Test
    void aServiceAddedOnOneNodeShowsOnTheOthersWithinThreeSeconds() throws Exception {
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(nodes.get(0).url("/meta-data/add-service/nginx_webserver"))
                .header("Authorization", "Bearer " + TOKEN).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        long start = System.nanoTime();
        for (NodeProcess other : nodes.subList(1, 3)) {
            await(other, "/api/v1/nodes", body -> services(body, "tri-1").contains("nginx_webserver"), Duration.ofSeconds(10));
        }
        Duration seen = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("ThreeNodeClusterTest: service seen on both other nodes after " + seen.toMillis() + " ms");
        assertTrue(seen.compareTo(Duration.ofSeconds(3)) <= 0, "seen by both others after " + seen.toMillis() + " ms");
    }

    @Test
    void everyNodeSeesTheMonitoringFiguresOfEveryNode() throws Exception {
        for (NodeProcess node : nodes) {
            JsonNode body = await(node, "/api/v1/nodes", b -> monitored(b) == 3, Duration.ofSeconds(60));
            for (JsonNode member : body.get("nodes")) {
                JsonNode monitoring = member.get("monitoring");
                assertTrue(monitoring.get("ageMs").asLong() >= 0, member.toString());
            }
        }
    }

    private static List<String> aliveNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        for (JsonNode member : body.get("nodes")) {
            if ("ALIVE".equals(member.get("status").asText())) {
                names.add(member.get("name").asText());
            }
        }
        return names;
    }

    private static List<String> services(JsonNode body, String node) {
        List<String> services = new ArrayList<>();
        for (JsonNode member : body.get("nodes")) {
            if (node.equals(member.get("name").asText()) && member.get("services").isArray()) {
                member.get("services").forEach(s -> services.add(s.asText()));
            }
        }
        return services;
    }

    private static long monitored(JsonNode body) {
        long count = 0;
        for (JsonNode member : body.get("nodes")) {
            JsonNode monitoring = member.get("monitoring");
            if (monitoring != null && monitoring.isObject()) {
                count++;
            }
        }
        return count;
    }

    /** Polls a JSON route every 50 ms until the condition holds; fails with the last body. */
    private static JsonNode await(NodeProcess node, String path, Predicate<JsonNode> condition, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "(no answer)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = response.body();
                if (response.statusCode() == 200) {
                    JsonNode body = JSON.readTree(last);
                    if (condition.test(body)) {
                        return body;
                    }
                }
            } catch (java.io.IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met on " + node.url(path) + " within " + timeout + "; last answer: " + last);
    }
}
