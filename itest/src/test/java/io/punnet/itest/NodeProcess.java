package io.punnet.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real node: {@code bin/punnet} of the distribution as a child process on loopback, with its
 * own conf/ and data directory. Stopped (SIGTERM, then SIGKILL) by {@link #close()}, by PID.
 */
final class NodeProcess implements AutoCloseable {

    final int httpPort;
    final int gossipPort;
    final Path dir;
    final Path log;
    private final Process process;

    private NodeProcess(Process process, Path dir, Path log, int httpPort, int gossipPort) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.httpPort = httpPort;
        this.gossipPort = gossipPort;
    }

    static NodeProcess start(String name, Map<String, String> extraEnv) throws IOException {
        Path home = Distribution.home();
        Path dir = Files.createTempDirectory("punnet-node-" + name);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        for (String file : new String[] {"config.properties", "jvm.options", "punnet.properties"}) {
            Files.copy(home.resolve("conf").resolve(file), conf.resolve(file));
        }
        int http = Ports.free();
        int gossip = Ports.free();
        Map<String, String> env = new HashMap<>();
        env.put("PUNNET_CONF_DIR", conf.toString());
        env.put("PUNNET_DATA_DIR", dir.resolve("data").toString());
        env.put("PUNNET_NODE_NAME", name);
        env.put("PUNNET_BIND_ADDRESS", "127.0.0.1");
        env.put("PUNNET_HTTP_HOST", "127.0.0.1");
        env.put("PUNNET_HTTP_PORT", Integer.toString(http));
        env.put("PUNNET_GOSSIP_PORT", Integer.toString(gossip));
        env.put("PUNNET_CLUSTER_NAME", "itest");
        // never announce on this machine's real interfaces: nodes here run on loopback only
        env.put("PUNNET_DISCOVERY_INTERFACES", "none");
        env.put("PUNNET_CLUSTER_KEY", PunnetOptions.TEST_CLUSTER_KEY);
        env.putAll(extraEnv);
        Path log = dir.resolve("node.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/punnet").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        return new NodeProcess(builder.start(), dir, log, http, gossip);
    }

    /** Polls until the path answers 200; returns the elapsed time, or throws after the timeout. */
    Duration awaitHttp200(String path, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no 200 from " + path + " within " + timeout + ": " + Files.readString(log));
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("node did not exit within " + timeout);
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM (a graceful stop), then SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
