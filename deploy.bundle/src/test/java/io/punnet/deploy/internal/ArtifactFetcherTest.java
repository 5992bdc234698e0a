package io.punnet.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.punnet.deploy.core.Digests;

/** The fetcher against a real HTTP server on loopback, serving right, wrong and missing jars. */
class ArtifactFetcherTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ArtifactFetcher.ROUTE, exchange -> {
            String sha = exchange.getRequestURI().getPath().substring(ArtifactFetcher.ROUTE.length());
            byte[] body = served.get(sha);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String sha) {
        return ArtifactFetcher.url("127.0.0.1", server.getAddress().getPort(), sha);
    }

    private ArtifactFetcher fetcher(ArtifactStore store) {
        return new ArtifactFetcher(store, () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    @Test
    void aJarIsFetchedVerifiedAndStored() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] jar = TestJars.bundle("a", "1");
        String sha = Digests.sha256Hex(jar);
        served.put(sha, jar);
        assertNull(fetcher(store).fetch(sha, List.of(url(sha)), 1 << 20, Duration.ofSeconds(5)));
        assertTrue(store.has(sha));
    }

    @Test
    void aWrongBodyOrAMissingJarIsNotStoredAndTheNextHolderIsTried() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] jar = TestJars.bundle("a", "1");
        String sha = Digests.sha256Hex(jar);
        served.put(sha, TestJars.bundle("evil", "1"));
        String problem = fetcher(store).fetch(sha, List.of(url(sha)), 1 << 20, Duration.ofSeconds(5));
        assertTrue(problem.contains("SHA-256"), problem);
        assertFalse(store.has(sha));
        assertTrue(store.digestsNewestFirst().isEmpty(), "the wrong body was not kept either");

        served.remove(sha);
        String missing = fetcher(store).fetch(sha, List.of(url(sha)), 1 << 20, Duration.ofSeconds(5));
        assertTrue(missing.contains("404"), missing);
        assertTrue(fetcher(store).fetch(sha, List.of(), 1 << 20, Duration.ofSeconds(5)).contains("no live node"));
    }

    @Test
    void aJarOverTheCapIsNotStored() throws Exception {
        ArtifactStore store = new ArtifactStore(dir);
        byte[] jar = TestJars.bundle("a", "1");
        String sha = Digests.sha256Hex(jar);
        served.put(sha, jar);
        String problem = fetcher(store).fetch(sha, List.of(url(sha)), jar.length - 1, Duration.ofSeconds(5));
        assertTrue(problem.contains("larger"), problem);
        assertFalse(store.has(sha));
    }
}
