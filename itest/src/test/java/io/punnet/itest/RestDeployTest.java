package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The deploy routes of a real node over real HTTP: a bundle jar larger than the API's small body
 * cap is posted to {@code POST /bundles}, answered 202, and its rollout read back from
 * {@code /rollouts/{id}} until the node runs it ACTIVE (and {@code /bundles} and the node view list
 * it); garbage is refused 400 with the deploy bundle's reason; no token is 401, a wrong type 415, a
 * jar over the deploy cap 413, and none of them installs anything. The {@code punnet-deploy} script
 * is run once against the node (when curl and sh are there). The rest and deploy bundles are
 * taken from this build, not from the distribution.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestDeployTest {

    private static final String NODE = "rest-deploy-node";
    private static final String TOKEN = PunnetOptions.TEST_TOKEN;
    private static final String NAME = "io.punnet.itest.posted";
    private static final String CLI_NAME = "io.punnet.itest.cli";
    private static final long MAX_JAR_BYTES = 200_000;
    private static final long ROLLOUT_TIMEOUT_MS = 60_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configuration() {
        Path repo = Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize()
                .getParent().getParent().getParent();
        Path rest = repo.resolve("rest.bundle/target/rest.bundle-0.1.0-SNAPSHOT.jar");
        List<Option> options = new ArrayList<>();
        for (Option o : DeployRolloutTest.Bundles.nodeWithThisDeployBundle(NODE)) {
            if (o instanceof UrlProvisionOption p && p.getURL().contains("rest.bundle-") && rest.toFile().isFile()) {
                options.add(new UrlProvisionOption(rest.toUri().toString()).startLevel(2));
            } else {
                options.add(o);
            }
        }
        return options.toArray(new Option[0]);
    }

    @Before
    public void smallCapAndShortTimeouts() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("activationTimeoutInMs", 5_000L);
        props.put("maxJarSizeInBytes", MAX_JAR_BYTES);
        props.put("reconcileIntervalInMs", 1_000L);
        configAdmin.getConfiguration("io.punnet.deploy", "?").update(props);
        awaitBody("/api/v1/health", "\"ready\":true");
        awaitBody("/rollouts", "{\"rollouts\":");
        Thread.sleep(500); // the deploy component gets @Modified on the config admin's thread
    }

    @Test
    public void aPostedJarRollsOutToActive() throws Exception {
        byte[] jar = jar("1.0.0", 40_000); // larger than the API's 16 KiB body cap: streamed
        HttpResponse<String> posted = post("/bundles", jar, "application/java-archive", true);
        assertEquals(posted.body(), 202, posted.statusCode());
        String id = member(posted.body(), "id");
        assertEquals("{\"id\":\"" + id + "\",\"location\":\"/rollouts/" + id + "\"}", posted.body());
        assertEquals("/rollouts/" + id, posted.headers().firstValue("Location").orElse(""));

        String done = awaitDone("/rollouts/" + id);
        assertTrue(done, done.contains("\"phase\":\"SUCCEEDED\",\"done\":true"));
        assertTrue(done, done.contains("\"nodes\":[{\"node\":\"" + NODE + "\",\"state\":\"ACTIVE\",\"reason\":\"\"}]"));
        assertEquals(done, get("/api/v1/rollouts/" + id).body());
        assertEquals(Bundle.ACTIVE, bundle(NAME).getState());
        String bundles = get("/bundles").body();
        assertTrue(bundles, bundles.contains("{\"symbolicName\":\"" + NAME + "\",\"version\":\"1.0.0\",\"state\":\"ACTIVE\",\"digest\":\""));
        assertTrue(get("/api/v1/nodes/" + NODE).body().contains("\"symbolicName\":\"" + NAME + "\""));
        assertTrue(get("/api/v1/rollouts").body().contains("\"id\":\"" + id + "\""));
    }

    @Test
    public void refusalsInstallNothing() throws Exception {
        String before = get("/rollouts").body();
        String installed = installed();

        HttpResponse<String> garbage = post("/bundles", "not a jar at all".getBytes(StandardCharsets.UTF_8),
                "application/java-archive", true);
        assertEquals(garbage.body(), 400, garbage.statusCode());
        assertProblem(garbage);
        assertTrue(garbage.body(), garbage.body().contains("\"reason\":\"NOT_A_JAR\""));
        assertFalse(garbage.body(), member(garbage.body(), "detail").isBlank());

        HttpResponse<String> noToken = post("/bundles", jar("1.0.0", 0), "application/java-archive", false);
        assertEquals(401, noToken.statusCode());
        assertProblem(noToken);

        assertEquals(415, post("/api/v1/bundles", jar("1.0.0", 0), "application/zip", true).statusCode());

        HttpResponse<String> tooLarge = post("/bundles", jar("1.0.0", (int) MAX_JAR_BYTES + 10_000),
                "application/java-archive", true);
        assertEquals(tooLarge.body(), 413, tooLarge.statusCode());
        assertTrue(tooLarge.body(), tooLarge.body().contains("\"reason\":\"TOO_LARGE\""));

        HttpResponse<String> badTarget = post("/bundles?target=rack-2", jar("1.0.0", 0), "application/java-archive", true);
        assertEquals(badTarget.body(), 400, badTarget.statusCode());
        assertTrue(badTarget.body(), badTarget.body().contains("\"reason\":\"BAD_TARGET\""));

        assertEquals("no rollout was started", before, get("/rollouts").body());
        assertEquals("nothing installed or updated", installed, installed());
        assertProblem(get("/rollouts/zzzzzzzz"), 404);
    }

    /**
     * A client that sends the whole body before reading the answer (no 100-continue) reads the
     * refusal, not a reset connection, even with a megabyte still unsent when the server refuses; a
     * client that asks for 100-continue is refused before it sends anything.
     */
    @Test
    public void aRefusedUploadIsAnsweredNotReset() throws Exception {
        String installed = installed();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> tooLarge = post("/bundles", jar("1.0.0", (int) MAX_JAR_BYTES + 1_000_000),
                    "application/java-archive", true);
            assertEquals(tooLarge.body(), 413, tooLarge.statusCode());
            assertTrue(tooLarge.body(), tooLarge.body().contains("\"reason\":\"TOO_LARGE\""));
        }
        // Java 17's HttpClient waits forever for a 100 that never comes (JDK-8286171): a raw request.
        int port = Integer.parseInt(context.getProperty("org.osgi.service.http.port"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /bundles HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/java-archive\r\nContent-Length: 8388608\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("refused before a byte of the body was sent", "HTTP/1.1 401 Unauthorized", status);
        }
        assertEquals("nothing installed or updated", installed, installed());
    }

    @Test
    public void theCommandLineDeploysAndReports() throws Exception {
        Path script = Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize()
                .getParent().getParent().resolve("src/dist/bin/punnet-deploy");
        assumeTrue("no " + script, Files.isRegularFile(script));
        assumeTrue("no curl", Files.isExecutable(Path.of("/usr/bin/curl")));
        Path jar = Files.createTempFile("punnet-deploy-cli", ".jar");
        try {
            Files.write(jar, jar(CLI_NAME, "2.0.0", 1_000));
            String node = "http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port");
            Result deployed = run(script, "--node", node, "--target", "node:" + NODE, jar.toString());
            assertEquals(deployed.output, 0, deployed.status);
            assertTrue(deployed.output, deployed.output.contains("  " + NODE + "  ACTIVE"));
            assertTrue(deployed.output, deployed.output.contains("succeeded"));
            assertEquals("2.0.0", bundle(CLI_NAME).getVersion().toString());
            Matcher started = Pattern.compile("rollout ([a-z0-9]+) started").matcher(deployed.output);
            assertTrue(deployed.output, started.find());

            Result status = run(script, "--node", node, "status", started.group(1));
            assertEquals(status.output, 0, status.status);
            assertTrue(status.output, status.output.contains("rollout " + started.group(1) + ": " + CLI_NAME + " 2.0.0 to node:"
                    + NODE + ", SUCCEEDED"));
            Result list = run(script, "--node", node, "list");
            assertEquals(list.output, 0, list.status);
            assertTrue(list.output, list.output.contains("rollout " + started.group(1) + ": "));

            Result refused = run(script, "--node", node, "--target", "rack-2", jar.toString());
            assertEquals(refused.output, 3, refused.status);
            assertTrue(refused.output, refused.output.contains("refused (400)"));
        } finally {
            Files.deleteIfExists(jar);
        }
    }

    @Test
    public void withDeployStoppedTheDeployRoutesAre503AndTheRestAnswers() throws Exception {
        Bundle deploy = bundle("io.punnet.deploy");
        deploy.stop();
        try {
            assertProblem(get("/bundles"), 503);
            assertProblem(get("/rollouts"), 503);
            assertProblem(post("/bundles", jar("1.0.0", 0), "application/java-archive", true), 503);
            HttpResponse<String> node = get("/api/v1/nodes/" + NODE);
            assertEquals(200, node.statusCode());
            assertTrue(node.body(), node.body().endsWith(",\"bundles\":null}"));
        } finally {
            deploy.start();
        }
        awaitBody("/rollouts", "{\"rollouts\":");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private record Result(int status, String output) {
    }

    private static Result run(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PUNNET_API_TOKEN", TOKEN);
        builder.environment().put("PUNNET_DEPLOY_TIMEOUT", "60");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue("the script did not end", process.waitFor(90, TimeUnit.SECONDS));
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println("punnet-deploy " + String.join(" ", args) + " ->\n" + output);
        return new Result(process.exitValue(), output);
    }

    /** A bundle with no code, padded with {@code padding} incompressible bytes. */
    private static byte[] jar(String version, int padding) throws IOException {
        return jar(NAME, version, padding);
    }

    private static byte[] jar(String name, String version, int padding) throws IOException {
        Manifest m = TestBundles.manifest(name, version);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            if (padding > 0) {
                byte[] noise = new byte[padding];
                new Random(padding).nextBytes(noise);
                jar.putNextEntry(new ZipEntry("padding.bin"));
                jar.write(noise);
            }
        }
        return out.toByteArray();
    }

    /** Every bundle with its version and last modification. */
    private String installed() {
        StringBuilder text = new StringBuilder();
        for (Bundle b : context.getBundles()) {
            text.append(b.getSymbolicName()).append(' ').append(b.getVersion()).append(' ').append(b.getLastModified()).append('\n');
        }
        return text.toString();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private String awaitDone(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ROLLOUT_TIMEOUT_MS);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get(path);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && response.body().contains("\"done\":true")) {
                return response.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("rollout not done within " + ROLLOUT_TIMEOUT_MS + " ms; last: " + last);
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

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body, String type, boolean token)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token) {
            builder.header("Authorization", "Bearer " + TOKEN);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitBody(String path, String wanted) throws Exception {
        Polling.awaitBody(path, () -> get(path), wanted, Duration.ofSeconds(30), Duration.ofMillis(100));
    }
}
