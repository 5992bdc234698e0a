package io.punnet.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The distribution started the way a person (or systemd) starts it: bin/punnet as a process. */
class NodeProcessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aFreshNodeStartsGeneratesItsSecretsAndRefusesDefaultConsoleCredentials() throws Exception {
        try (NodeProcess node = NodeProcess.start("proc-1", Map.of("PUNNET_CLUSTER_KEY", ""))) {
            node.awaitHttp200("/api/v1/node", Duration.ofSeconds(60));
            HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(node.url("/api/v1/node")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(info.body().contains("\"name\":\"proc-1\""), info.body());

            String output = node.output();
            assertTrue(output.contains("generated a new cluster key"), output);
            Matcher password = Pattern.compile("password '([^']+)'").matcher(output);
            assertTrue(password.find(), output);
            assertEquals(401, console(node, "admin:admin"));
            assertEquals(200, console(node, "admin:" + password.group(1)));

            String secrets = Files.readString(node.dir.resolve("conf/secrets.properties"));
            assertTrue(secrets.contains("cluster.key="));
            assertFalse(secrets.contains(password.group(1)), "the console password is stored hashed only");
        }
    }

    private static int console(NodeProcess node, String credentials) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.url("/system/console/bundles"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes()))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aBadSettingStopsTheStartWithOneLineAndNoStackTrace() throws Exception {
        try (NodeProcess node = NodeProcess.start("proc-bad", Map.of("PUNNET_GOSSIP_PORT", "99999"))) {
            assertEquals(2, node.waitForExit(Duration.ofSeconds(30)));
            String output = node.output().strip();
            assertEquals("punnet: cannot start: PUNNET_GOSSIP_PORT (gossip.port): 99999 is not a port (1-65535)", output);
        }
    }

    @Test
    void unknownRoutesAnswerJson404() throws Exception {
        try (NodeProcess node = NodeProcess.start("proc-404", Map.of())) {
            node.awaitHttp200("/", Duration.ofSeconds(60));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(node.url("/no/such/route")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            assertTrue(response.body().contains("no route /no/such/route"), response.body());
        }
    }
}
