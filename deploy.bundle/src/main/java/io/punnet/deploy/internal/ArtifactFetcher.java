package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.punnet.deploy.api.DeploymentRefusedException;

/**
 * Fetches a jar from another node's REST route {@code GET /api/v1/artifacts/{sha256}}, into the
 * store: streamed, size-capped, its SHA-256 computed on the way and compared with the one asked for
 * ({@link ArtifactStore#put}), so a wrong or damaged body never lands in the store. The holders are
 * tried in random order (to spread the load of a large rollout) until one delivers.
 */
final class ArtifactFetcher {

    /** The path of the artifact route, before the digest. */
    static final String ROUTE = "/api/v1/artifacts/";

    private final ArtifactStore store;
    private final java.util.function.Supplier<HttpClient> clients;
    private HttpClient client;

    /**
     * @param clients makes the HTTP client, on the first fetch only: a Java 17 client keeps a
     *                selector thread until it is garbage collected, so a node that never fetches
     *                never starts one
     */
    ArtifactFetcher(ArtifactStore store, java.util.function.Supplier<HttpClient> clients) {
        this.store = store;
        this.clients = clients;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = clients.get();
        }
        return client;
    }

    /** The URL of a jar on a node. */
    static URI url(String host, int port, String sha256) {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port + ROUTE + sha256);
    }

    /**
     * Tries the sources until one delivers the jar.
     *
     * @return null when stored, else what went wrong with each source
     */
    String fetch(String sha256, List<URI> sources, long maxBytes, Duration timeout) throws InterruptedException {
        if (sources.isEmpty()) {
            return "no live node that holds the jar publishes its HTTP port";
        }
        List<URI> order = new ArrayList<>(sources);
        Collections.shuffle(order);
        List<String> problems = new ArrayList<>();
        for (URI source : order) {
            try {
                HttpRequest request = HttpRequest.newBuilder(source).timeout(timeout).GET().build();
                HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    if (response.statusCode() != 200) {
                        problems.add(source.getAuthority() + " answered " + response.statusCode());
                        continue;
                    }
                    store.put(body, maxBytes, sha256);
                    return null;
                }
            } catch (IOException | DeploymentRefusedException e) {
                problems.add(source.getAuthority() + ": " + e.getMessage());
            }
        }
        return String.join("; ", problems);
    }
}
