package io.punnet.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.punnet.rest.core.Call;
import io.punnet.rest.core.Forwarder;
import io.punnet.rest.core.Json;
import io.punnet.rest.core.Problems;
import io.punnet.rest.core.Reply;

/** The forwarder against real sockets on 127.0.0.1: an owner that answers, one that refuses, one that hangs. */
class HttpForwarderTest {

    private final HttpForwarder forwarder = new HttpForwarder(Duration.ofMillis(500), "node-a", new Problems(new Json()));

    private static Call put(String path) {
        Map<String, String> headers = Map.of("authorization", "Bearer t0k3n-0123456789abcdef");
        return new Call("PUT", path, name -> headers.get(name.toLowerCase()), "10.0.0.9", new byte[0], Map.of());
    }

    @Test
    void theOwnersAnswerComesBackAsItIs() throws IOException {
        HttpServer owner = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new ArrayList<>();
        owner.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED_HEADER));
            byte[] body = "{\"status\":409}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
        try {
            Reply reply = forwarder.forward("127.0.0.1", owner.getAddress().getPort(), put("/api/v1/nodes/b/meta-data/services/db"));
            assertEquals(409, reply.status());
            assertEquals("application/problem+json", reply.contentType());
            assertEquals("{\"status\":409}", reply.text());
            assertEquals(List.of("PUT /api/v1/nodes/b/meta-data/services/db Bearer t0k3n-0123456789abcdef node-a"), seen);
        } finally {
            owner.stop(0);
        }
    }

    @Test
    void anOwnerThatRefusesConnectionsIs502() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Reply reply = forwarder.forward("127.0.0.1", port, put("/api/v1/nodes/b/meta-data/services/db"));
        assertEquals(502, reply.status());
        assertTrue(reply.text().contains("cannot be reached"), reply.text());
    }

    @Test
    void anOwnerThatNeverAnswersIs504() throws IOException, InterruptedException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(2_000);
                } catch (IOException | InterruptedException done) {
                    // the test is over
                }
            });
            acceptor.start();
            Reply reply = forwarder.forward("127.0.0.1", silent.getLocalPort(), put("/api/v1/nodes/b/meta-data/tags/x"));
            assertEquals(504, reply.status());
            acceptor.interrupt();
            acceptor.join(2_000);
        }
    }
}
