package io.punnet.webtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a node's HTTP port on 127.0.0.1: the dashboard's real static files (from the web
 * bundle on the test class path, with the page's real security headers), and the REST routes the
 * page reads answered from JSON fixtures the test sets. The event stream is held open and pushed
 * to by the test; it can be dropped or made to refuse, to see the page's banner.
 */
final class FakeNode implements AutoCloseable {

    /** The header IndexServlet sends (the cluster test checks that a real node sends exactly this). */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, String> routes = new ConcurrentHashMap<>();
    private final List<OutputStream> streams = new CopyOnWriteArrayList<>();
    private volatile boolean eventsAvailable = true;

    FakeNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers GET path with this JSON (200); a path without a body answers 404. */
    void route(String path, String json) {
        routes.put(path, json);
    }

    void unroute(String path) {
        routes.remove(path);
    }

    /** Sends one event to every open stream. */
    void push(String type, String data) {
        for (OutputStream out : streams) {
            write(out, "event: " + type + "\ndata: " + data + "\n\n");
        }
    }

    int openStreams() {
        return streams.size();
    }

    /** Closes every open stream; while unavailable, new ones are refused with 503. */
    void dropStreams(boolean availableAfter) {
        eventsAvailable = availableAfter;
        for (OutputStream out : streams) {
            streams.remove(out);
            try {
                out.close();
            } catch (IOException alreadyGone) {
                // the browser went first
            }
        }
    }

    void eventsAvailable(boolean available) {
        eventsAvailable = available;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/v1/events")) {
            events(exchange);
            return;
        }
        try (exchange) {
            if (routes.containsKey(path)) {
                send(exchange, 200, "application/json", routes.get(path).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/") || path.startsWith("/assets/")) {
                staticFile(exchange, path.equals("/") ? "/static/index.html" : "/static" + path);
            } else if (path.startsWith("/jsunit/")) {
                staticFile(exchange, path); // the in-browser checks of the page's modules
            } else {
                send(exchange, 404, "application/problem+json", "{\"status\":404}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void staticFile(HttpExchange exchange, String resource) throws IOException {
        try (InputStream in = FakeNode.class.getResourceAsStream(resource)) {
            if (in == null || resource.contains("..")) {
                send(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            String type = resource.endsWith(".js") ? "text/javascript" : resource.endsWith(".css") ? "text/css" : "text/html";
            // the page's real policy on every page: a check that needs more than the dashboard gets fails here too
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            send(exchange, 200, type + ";charset=utf-8", in.readAllBytes());
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!eventsAvailable) {
            try (exchange) {
                send(exchange, 503, "text/plain", new byte[0]);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        write(out, "retry: 300\nid: 1\nevent: hello\ndata: {\"node\":\"alpha\"}\n\n");
        streams.add(out); // held open: push() writes to it, dropStreams() or close() ends it
    }

    private void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException gone) {
            streams.remove(out);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        dropStreams(false);
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake node threads did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String resource(String name) {
        try (InputStream in = FakeNode.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
