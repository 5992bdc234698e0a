package io.punnet.webtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real node: {@code bin/punnet} of a distribution as a child process on 127.0.0.1, with its
 * own conf/ and data directory, free ports, no mDNS. Stopped by PID: {@link #kill()} is a SIGKILL
 * (a crash, for the detector to notice), {@link #close()} a SIGTERM then a SIGKILL after 15 s.
 * (The same idea as itest's NodeProcess, which this module may not share.)
 */
final class NodeProcess implements AutoCloseable {

    /** A fixed test key (AES-128, base64): only these test nodes use it. */
    static final String CLUSTER_KEY = "d2VidGVzdC1jbHVzdGVyIQ==";

    final String name;
    final int httpPort;
    final int gossipPort;
    final Path dir;
    private final Process process;

    private NodeProcess(String name, Process process, Path dir, int httpPort, int gossipPort) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.httpPort = httpPort;
        this.gossipPort = gossipPort;
    }

    static NodeProcess start(Path home, String name, Map<String, String> extraEnv) throws IOException {
        Path dir = Files.createTempDirectory("webtest-node-" + name);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String file : new String[] {"config.properties", "jvm.options", "punnet.properties"}) {
            Files.copy(home.resolve("conf").resolve(file), conf.resolve(file));
        }
        int http = freePort();
        int gossip = freePort();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/punnet").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("PUNNET_CONF_DIR", conf.toString());
        env.put("PUNNET_DATA_DIR", dir.resolve("data").toString());
        env.put("PUNNET_NODE_NAME", name);
        env.put("PUNNET_BIND_ADDRESS", "127.0.0.1");
        env.put("PUNNET_HTTP_HOST", "127.0.0.1");
        env.put("PUNNET_HTTP_PORT", Integer.toString(http));
        env.put("PUNNET_GOSSIP_PORT", Integer.toString(gossip));
        env.put("PUNNET_CLUSTER_NAME", "webtest");
        env.put("PUNNET_DISCOVERY_INTERFACES", "none"); // never announce on this machine's interfaces
        env.put("PUNNET_CLUSTER_KEY", CLUSTER_KEY);
        env.putAll(extraEnv);
        return new NodeProcess(name, builder.start(), dir, http, gossip);
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    /** Polls until the path answers; returns the last status (or -1 if never reached) by the deadline. */
    int awaitAnswer(String path, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline && status != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ": " + log());
            }
            try {
                status = client.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException notYet) {
                status = -1;
            }
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("node.log"));
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the node vanishes without a word, as a Pi that loses power. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        TestDistribution.delete(dir);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
