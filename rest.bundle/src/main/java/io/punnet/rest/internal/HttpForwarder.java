package io.punnet.rest.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import io.punnet.rest.core.Call;
import io.punnet.rest.core.Forwarder;
import io.punnet.rest.core.Problems;
import io.punnet.rest.core.Reply;

/**
 * Forwards a change to the owning node over HTTP/1.1 with the JDK client: same method, path,
 * body and {@code Authorization}, plus {@link Forwarder#FORWARDED_HEADER}. The owner's status,
 * media type and body come back unchanged. Never follows redirects; bounded by a timeout.
 */
final class HttpForwarder implements Forwarder {

    private HttpClient client; // made on the first forward: most nodes never forward, and a client owns a thread
    private final Duration timeout;
    private final String localName;
    private final Problems problems;

    HttpForwarder(Duration timeout, String localName, Problems problems) {
        this.timeout = timeout;
        this.localName = localName;
        this.problems = problems;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return client;
    }

    @Override
    public Reply forward(String host, int port, Call call) {
        HttpRequest request;
        try {
            URI uri = new URI("http", null, host, port, call.path(), null, null); // brackets IPv6 itself
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()))
                    .header(FORWARDED_HEADER, localName);
            String authorization = call.header().apply("Authorization");
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            request = builder.build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return problems.of(502, "cannot address the owning node at " + host + ":" + port + ": " + e.getMessage());
        }
        try {
            HttpResponse<byte[]> response = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse(Reply.JSON);
            return new Reply(response.statusCode(), type, response.body(), Map.of());
        } catch (HttpTimeoutException e) {
            return problems.of(504, "the owning node at " + host + ":" + port + " did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return problems.of(502, "the owning node at " + host + ":" + port + " cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return problems.of(503, "interrupted while forwarding");
        }
    }
}
