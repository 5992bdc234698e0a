package io.punnet.itest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady HTTP load on one node while a test swaps bundles: GET requests at a fixed rate, round
 * robin over {@link Route}s, each failure (an I/O error, no answer within {@link #TIMEOUT}, or any
 * status but 200) counted by route and by the phase the test was in when the request was sent
 * ({@link #phase(String)}). Which bundle owns a route is part of the route, so that a test can ask
 * "did a route that the swapped bundle does not own ever fail?".
 *
 * <p>Its threads (the timer {@code swap-load}, the client's {@code HttpClient-…}) are the test's
 * own; {@link #close()} waits until every request sent was answered or timed out.
 */
final class RouteLoad implements AutoCloseable {

    /** One route of the load, and who serves it. {@code authorization} is null or a header value. */
    record Route(String path, String owner, String authorization) {

        static Route open(String path, String owner) {
            return new Route(path, owner, null);
        }
    }

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final String TIMER_THREAD = "swap-load";

    private final int port;
    private final List<Route> routes;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, TIMER_THREAD);
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private volatile String phase = "start";

    RouteLoad(int port, List<Route> routes) {
        this.port = port;
        this.routes = List.copyOf(routes);
    }

    /** Starts sending {@code perSecond} requests a second. */
    void start(int perSecond) {
        long periodUs = 1_000_000L / perSecond;
        timer.scheduleAtFixedRate(this::tick, 0, periodUs, TimeUnit.MICROSECONDS);
    }

    /** The phase later requests are counted in. */
    void phase(String name) {
        phase = name;
    }

    private void tick() {
        Route route = routes.get((int) (sent.getAndIncrement() % routes.size()));
        String when = phase;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.path()))
                .timeout(TIMEOUT);
        if (route.authorization() != null) {
            request.header("Authorization", route.authorization());
        }
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null || response.statusCode() != 200) {
                String why = error != null ? error.getClass().getSimpleName() : Integer.toString(response.statusCode());
                failures.computeIfAbsent(when + " " + route.path() + " " + why, k -> new AtomicInteger()).incrementAndGet();
            }
            answered.incrementAndGet();
        });
    }

    /** Failed requests sent during {@code phase} on {@code route}. */
    int failed(String phase, Route route) {
        String prefix = phase + " " + route.path() + " ";
        return failures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(e -> e.getValue().get()).sum();
    }

    long sent() {
        return sent.get();
    }

    long answered() {
        return answered.get();
    }

    /** "phase route why" → count, sorted. */
    Map<String, Integer> failures() {
        Map<String, Integer> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }

    /** Stops sending and waits (bounded) until the requests in flight are answered or timed out. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TIMEOUT.multipliedBy(3).toNanos();
        while (answered.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
