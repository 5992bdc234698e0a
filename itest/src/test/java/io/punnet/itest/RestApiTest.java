package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ResourceDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

/**
 * The REST API of a real node over real HTTP: the original routes and their errors, the v1 views,
 * auth of every change (token, open networks closed by default, cross-origin refused), caps,
 * problem+json errors, the event stream and its cap, answers while monitoring, meta-data and the
 * detector are stopped, and a crawl of every servlet the HTTP runtime has registered that sends
 * every mutating method without credentials.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestApiTest {

    private static final String TOKEN = PunnetOptions.TEST_TOKEN;
    private static final String NODE = "rest-node";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return PunnetOptions.node(NODE, Ports.free(), Ports.free());
    }

    // ---- the original routes ---------------------------------------------------------------------

    @Test
    public void theOriginalReadsKeepTheirShapes() throws Exception {
        awaitReady();
        String gossip = "127.0.0.1:" + context.getProperty("punnet.gossip.port");
        HttpResponse<String> alive = send("GET", "/nodes/alive");
        assertEquals(200, alive.statusCode());
        assertEquals("{\"alivePeers\":[\"" + gossip + "\"]}", alive.body());
        assertTrue(alive.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        HttpResponse<String> monitoring = send("GET", "/nodes/monitoring");
        assertEquals(200, monitoring.statusCode());
        assertTrue(monitoring.body(), monitoring.body().startsWith("{\"res\":[{\"name\":\"" + NODE + "\",\"ip\":\"127.0.0.1\",\"countCPUs\":"));
        for (String field : new String[] {"\"cpus\":", "\"freemem\":", "\"totalmem\":", "\"loadavg1\":", "\"loadavg5\":", "\"loadavg15\":"}) {
            assertTrue(field + " in " + monitoring.body(), monitoring.body().contains(field));
        }
        assertEquals("{\"res\":[]}", send("GET", "/nodes/workingService/not-here").body());
    }

    @Test
    public void theOriginalChangesWithEveryError() throws Exception {
        awaitReady();
        assertEquals(401, send("PUT", "/meta-data/add-service/web1").statusCode());
        assertEquals(401, send("PUT", "/meta-data/add-service/web1", "Authorization", "Bearer wrong-token-0000000000").statusCode());
        assertEquals("[]", services());

        HttpResponse<String> added = send("PUT", "/meta-data/add-service/web1", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, added.statusCode());
        assertEquals("{\"service\":\"web1\"}", added.body());
        assertEquals("[\"web1\"]", services());
        assertEquals("{\"res\":[\"127.0.0.1\"]}", send("GET", "/nodes/workingService/web1").body());

        HttpResponse<String> duplicate = send("PUT", "/meta-data/add-service/web1", "Authorization", "Bearer " + TOKEN);
        assertEquals(409, duplicate.statusCode());
        assertProblem(duplicate);
        assertTrue(duplicate.body(), duplicate.body().startsWith("{\"err\":\"service 'web1' is already present\""));
        assertEquals("[\"web1\"]", services());

        HttpResponse<String> bad = send("PUT", "/meta-data/add-service/Web!", "Authorization", "Bearer " + TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body(), bad.body().startsWith("{\"err\":"));

        HttpResponse<String> crossOrigin = send("PUT", "/meta-data/remove-service/web1", "Authorization", "Bearer " + TOKEN,
                "Origin", "http://evil.example");
        assertEquals(403, crossOrigin.statusCode());
        assertEquals("[\"web1\"]", services());

        assertEquals(200, send("PUT", "/meta-data/remove-service/web1", "Authorization", "Bearer " + TOKEN).statusCode());
        HttpResponse<String> missing = send("PUT", "/meta-data/remove-service/web1", "Authorization", "Bearer " + TOKEN);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body(), missing.body().startsWith("{\"err\":\"service 'web1' is not present\""));
        assertEquals("[]", services());
        assertEquals("{\"res\":[]}", send("GET", "/nodes/workingService/web1").body());
    }

    /** This node's services as JSON text, read through the v1 route. */
    private String services() throws Exception {
        String body = send("GET", "/api/v1/nodes/" + NODE + "/meta-data").body();
        int start = body.indexOf("\"services\":") + "\"services\":".length();
        return body.substring(start, body.indexOf(']', start) + 1);
    }

    // ---- v1 ----------------------------------------------------------------------------------------

    @Test
    public void theV1Views() throws Exception {
        awaitReady();
        HttpResponse<String> nodes = send("GET", "/api/v1/nodes");
        assertEquals(200, nodes.statusCode());
        assertTrue(nodes.body(), nodes.body().startsWith("{\"cluster\":\"itest\",\"local\":\"" + NODE + "\",\"nodes\":[{\"name\":\"" + NODE + "\""));
        assertTrue(nodes.body(), nodes.body().contains("\"httpPort\":" + context.getProperty("org.osgi.service.http.port")));
        assertEquals(200, send("GET", "/api/v1/nodes/" + NODE).statusCode());
        assertProblem(send("GET", "/api/v1/nodes/nobody"), 404);
        assertEquals("{\"observers\":{\"" + NODE + "\":[]},\"suspected\":{}}", send("GET", "/api/v1/suspicions").body());

        HttpResponse<String> health = send("GET", "/api/v1/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body(), health.body().startsWith("{\"status\":\"UP\",\"live\":true,\"ready\":true"));

        HttpResponse<String> inventory = send("GET", "/inventory");
        assertTrue(inventory.body(), inventory.body().startsWith("{\"alive\":{\"hosts\":[\"" + NODE + "\"]}"));
        assertEquals(inventory.body(), send("GET", "/api/v1/inventory").body());

        HttpResponse<String> metrics = send("GET", "/metrics");
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertTrue(metrics.body(), metrics.body().contains("\npunnet_gossip_rounds_total "));
        assertTrue(send("GET", "/metrics/cluster").body().contains("punnet_node_up{node=\"" + NODE + "\",status=\"alive\"} 1"));

        HttpResponse<String> openapi = send("GET", "/openapi.json");
        assertTrue(openapi.body().startsWith("{\n \"openapi\": \"3.1.0\""));
    }

    @Test
    public void errorsAreProblemJsonAndUnknownRoutes404() throws Exception {
        awaitReady();
        assertProblem(send("GET", "/api/v1/no-such-route"), 404);
        assertProblem(send("GET", "/no/such/route"), 404); // the web bundle's default servlet
        HttpResponse<String> wrongMethod = send("POST", "/api/v1/nodes");
        assertProblem(wrongMethod, 405);
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertProblem(send("PUT", "/api/v1/nodes/" + NODE + "/meta-data/services/x"), 401);
        assertEquals("Bearer realm=\"punnet\"", send("PUT", "/meta-data/add-service/x").headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    public void requestsAreCappedAndNoSessionIsMade() throws Exception {
        awaitReady();
        byte[] big = new byte[64 * 1024];
        HttpResponse<String> tooBig = HTTP.send(request("PUT", "/meta-data/add-service/big", "Authorization", "Bearer " + TOKEN)
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode());
        assertEquals("[]", services());
        assertProblem(send("GET", "/api/v1/nodes/" + "n".repeat(2000)), 414);
        assertProblem(send("GET", "/api/v1/nodes/" + "n".repeat(100)), 400);
        for (String path : new String[] {"/nodes/alive", "/api/v1/nodes", "/metrics"}) {
            assertFalse(path, send("GET", path).headers().firstValue("Set-Cookie").isPresent());
        }
    }

    // ---- optional parts ------------------------------------------------------------------------------

    @Test
    public void withoutMonitoringTheRoutesAnswerWithNulls() throws Exception {
        awaitReady();
        Bundle monitoring = bundle("io.punnet.monitoring");
        monitoring.stop();
        try {
            HttpResponse<String> legacy = send("GET", "/nodes/monitoring");
            assertEquals(200, legacy.statusCode());
            assertTrue(legacy.body(), legacy.body().contains("\"countCPUs\":null,\"cpus\":null,\"freemem\":null"));
            HttpResponse<String> nodes = send("GET", "/api/v1/nodes");
            assertEquals(200, nodes.statusCode());
            assertTrue(nodes.body(), nodes.body().contains("\"monitoring\":null"));
            assertEquals(200, send("GET", "/metrics").statusCode());
            assertEquals(200, send("GET", "/metrics/cluster").statusCode());
            assertEquals(200, send("GET", "/inventory").statusCode());
            HttpResponse<String> health = send("GET", "/api/v1/health");
            assertEquals(200, health.statusCode());
            assertTrue(health.body(), health.body().contains("\"status\":\"DEGRADED\"") && health.body().contains("\"monitoring\":\"ABSENT\""));
        } finally {
            monitoring.start();
        }
        awaitBody("/api/v1/health", "\"monitoring\":\"UP\"");
    }

    @Test
    public void withoutMetadataOrDetectorOnlyThoseRoutesAre503() throws Exception {
        awaitReady();
        Bundle metadata = bundle("io.punnet.metadata");
        Bundle detector = bundle("io.punnet.detector");
        metadata.stop();
        detector.stop();
        try {
            HttpResponse<String> working = send("GET", "/nodes/workingService/web1");
            assertEquals(503, working.statusCode());
            assertTrue(working.body(), working.body().startsWith("{\"err\":"));
            assertEquals(503, send("PUT", "/meta-data/add-service/web1", "Authorization", "Bearer " + TOKEN).statusCode());
            assertProblem(send("GET", "/api/v1/meta-data"), 503);
            HttpResponse<String> nodes = send("GET", "/api/v1/nodes");
            assertEquals(200, nodes.statusCode());
            assertTrue(nodes.body(), nodes.body().contains("\"phi\":null") && nodes.body().contains("\"services\":null"));
            assertEquals(200, send("GET", "/nodes/alive").statusCode());
            assertEquals(200, send("GET", "/metrics").statusCode());
        } finally {
            metadata.start();
            detector.start();
        }
        awaitBody("/api/v1/health", "\"metadata\":\"UP\"");
    }

    // ---- events --------------------------------------------------------------------------------------

    @Test
    public void eventsStreamChangesAndAreCapped() throws Exception {
        awaitReady();
        List<InputStream> streams = new ArrayList<>();
        try {
            HttpResponse<InputStream> first = openEvents();
            assertEquals(200, first.statusCode());
            assertEquals("text/event-stream", first.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            streams.add(first.body());
            BufferedReader lines = new BufferedReader(new InputStreamReader(first.body(), StandardCharsets.UTF_8));
            awaitLine(lines, "event: hello");
            assertEquals(200, send("PUT", "/meta-data/add-service/evt", "Authorization", "Bearer " + TOKEN).statusCode());
            awaitLine(lines, "event: metadata");
            assertEquals(200, send("PUT", "/meta-data/remove-service/evt", "Authorization", "Bearer " + TOKEN).statusCode());

            int cap = 16; // RestConfig.MAX_EVENT_STREAMS_DEFAULT
            for (int i = 1; i < cap; i++) {
                HttpResponse<InputStream> more = openEvents();
                streams.add(more.body());
                assertEquals(200, more.statusCode());
            }
            HttpResponse<InputStream> refused = openEvents();
            streams.add(refused.body());
            assertEquals(503, refused.statusCode());
            assertEquals("5", refused.headers().firstValue("Retry-After").orElse(""));
            assertEquals(405, send("POST", "/api/v1/events").statusCode());
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }

    private HttpResponse<InputStream> openEvents() throws Exception {
        return HTTP.sendAsync(request("GET", "/api/v1/events").build(), HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
    }

    private static void awaitLine(BufferedReader lines, String wanted) throws Exception {
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    String line = lines.readLine();
                    if (line == null) {
                        return false;
                    }
                    if (line.equals(wanted)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue("no '" + wanted + "' on the stream", found.get(10, TimeUnit.SECONDS));
    }

    // ---- the crawl -------------------------------------------------------------------------------------

    @Test
    public void noServletAnswersAMutatingMethodWithoutAuth() throws Exception {
        awaitReady();
        ServiceReference<HttpServiceRuntime> reference = context.getServiceReference(HttpServiceRuntime.class);
        assertNotNull("no HttpServiceRuntime", reference);
        HttpServiceRuntime runtime = context.getService(reference);
        TreeSet<String> paths = new TreeSet<>();
        try {
            for (ServletContextDTO servletContext : runtime.getRuntimeDTO().servletContextDTOs) {
                String prefix = servletContext.contextPath.equals("/") ? "" : servletContext.contextPath;
                for (ServletDTO servlet : servletContext.servletDTOs) {
                    String owner = owner(servlet.serviceId);
                    for (String pattern : servlet.patterns) {
                        if ("io.punnet.rest".equals(owner)) {
                            assertFalse("the rest bundle must not claim " + pattern, pattern.equals("/") || pattern.equals("/*"));
                        }
                        paths.add(prefix + concrete(pattern));
                    }
                }
                for (ResourceDTO resource : servletContext.resourceDTOs) {
                    for (String pattern : resource.patterns) {
                        paths.add(prefix + concrete(pattern));
                    }
                }
            }
        } finally {
            context.ungetService(reference);
        }
        assertTrue("the crawl found too few servlets: " + paths, paths.size() >= 8);
        // the routes whose templates hide below a pattern: each must refuse without the token
        List<String> changes = List.of("/meta-data/add-service/crawl", "/meta-data/remove-service/crawl",
                "/api/v1/nodes/" + NODE + "/meta-data/services/crawl", "/api/v1/nodes/" + NODE + "/meta-data/tags/crawl");
        paths.addAll(changes);
        List<String> answered = new ArrayList<>();
        for (String path : paths) {
            for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
                int status = send(method, path).statusCode();
                if (status < 400) {
                    answered.add(method + " " + path + " -> " + status);
                }
                if (changes.contains(path) && (method.equals("PUT") || method.equals("DELETE") && !path.startsWith("/meta-data"))) {
                    assertEquals(method + " " + path, 401, status);
                }
            }
        }
        for (String upload : new String[] {"/bundles", "/api/v1/bundles"}) { // the jar upload needs the token too
            assertEquals("POST " + upload, 401, send("POST", upload, "Content-Type", "application/java-archive").statusCode());
        }
        System.out.println("crawled with POST, PUT, DELETE, PATCH and no credentials: " + paths);
        assertTrue("answered a change without auth: " + answered, answered.isEmpty());
        assertEquals("[]", services());
    }

    private String owner(long serviceId) throws Exception {
        ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
        return references == null ? "?" : references[0].getBundle().getSymbolicName();
    }

    /** A path a pattern serves: {@code /a/*} → {@code /a/x}, {@code *.js} → {@code /x.js}, {@code /} → {@code /x}. */
    private static String concrete(String pattern) {
        if (pattern.startsWith("*.")) {
            return "/x" + pattern.substring(1);
        }
        if (pattern.equals("/")) {
            return "/crawl-default";
        }
        return pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) + "x" : pattern;
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertEquals(response.body(), "application/problem+json",
                response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(response.body(), response.body().contains("\"status\":" + response.statusCode() + ",\"title\":"));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(response.body(), status, response.statusCode());
        assertProblem(response);
    }

    private HttpRequest.Builder request(String method, String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        return HTTP.send(request(method, path, headers).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the API answers (the whiteboard may still be registering the servlets). */
    private void awaitReady() throws Exception {
        awaitBody("/api/v1/health", "\"ready\":true");
        awaitBody("/api/v1/nodes/" + NODE, "\"httpPort\":");
    }

    private void awaitBody(String path, String wanted) throws Exception {
        Polling.awaitBody(path, () -> send("GET", path), wanted, Duration.ofSeconds(30), Duration.ofMillis(100));
    }
}
