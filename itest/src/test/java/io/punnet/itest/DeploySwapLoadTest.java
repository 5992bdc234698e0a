package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;

import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.gossip.api.Cluster;

/**
 * Hot swap under load: the monitoring bundle, then the REST bundle, are rolled out again and again
 * through the deploy bundle (alternating two jars that differ by one entry, so each rollout really
 * updates), while a client calls the node at 50 requests per second: the dashboard page ({@code /},
 * the web bundle), the artifact route (the deploy bundle), and two REST routes. Afterwards: the
 * node's gossip generation is unchanged, no revision is left pending removal, and no thread is
 * left behind. Failed requests are counted per route and per swapped bundle and printed.
 *
 * <p>Asserted: no failure on the routes of bundles that the swap neither updates nor refreshes
 * (web, deploy). REST routes during a monitoring swap are counted, not asserted: REST imports
 * {@code io.punnet.monitoring.api} from the monitoring bundle, so refreshing monitoring refreshes
 * (restarts) REST too. Slow: runs with {@code -Dpunnet.deploy.swapload=true}; swaps per bundle with
 * {@code -Dpunnet.deploy.swaps=N} (default 100).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeploySwapLoadTest {

    @Inject
    private BundleContext context;

    @Inject
    private Cluster cluster;

    @Inject
    private Deployments deployments;

    @Configuration
    public Option[] configuration() {
        return DeployRolloutTest.Bundles.nodeWithThisDeployBundle("swapload-node");
    }

    @Test
    public void swappingMonitoringAndRestUnderLoad() throws Exception {
        Assume.assumeTrue("run with -Dpunnet.deploy.swapload=true", Boolean.getBoolean("punnet.deploy.swapload"));
        int swaps = Integer.getInteger("punnet.deploy.swaps", 100);
        int port = Integer.parseInt(context.getProperty("punnet.http.port"));
        long generation = cluster.local().generation();
        awaitHttp(port, "/api/v1/health/live");
        String held = deployments.submit(DeployRolloutTest.Bundles.good("1.0.0"), "all", DeployOptions.defaults());
        String heldSha = await(held).sha256();
        Set<String> threadsBefore = threadNames();

        Load load = new Load(port, List.of("/", "/api/v1/artifacts/" + heldSha, "/api/v1/health/live", "/api/v1/nodes"));
        load.start();
        try {
            Thread.sleep(2_000);
            swap("io.punnet.monitoring", swaps, load);
            swap("io.punnet.rest", swaps, load);
            Thread.sleep(2_000);
        } finally {
            load.stop();
        }
        System.out.println("deploy swap load: " + load.report());
        System.out.println("deploy swap load: failures by phase and route: " + load.failures);

        assertEquals("no failed request on web routes", 0, load.failed("monitoring", "/") + load.failed("rest", "/"));
        assertEquals("no failed request on the deploy route", 0,
                load.failed("monitoring", "/api/v1/artifacts/" + heldSha) + load.failed("rest", "/api/v1/artifacts/" + heldSha));
        assertEquals("gossip kept its generation", generation, cluster.local().generation());
        assertTrue("no stale revisions", context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().isEmpty());
        awaitHttp(port, "/api/v1/nodes");
        Set<String> leaked = threadNames();
        leaked.removeAll(threadsBefore);
        leaked.removeIf(name -> name.startsWith("qtp") || name.startsWith("HttpClient") || name.startsWith("ForkJoinPool")
                || name.startsWith("swap-load"));
        System.out.println("deploy swap load: threads after, not there before: " + leaked);
        assertTrue("threads left behind: " + leaked, leaked.size() <= 2);
    }

    private void swap(String symbolicName, int times, Load load) throws Exception {
        Bundle bundle = bundleNamed(symbolicName);
        Path original = Path.of(java.net.URI.create(bundle.getLocation().replaceFirst("^reference:", "")));
        byte[] a = Files.readAllBytes(original);
        byte[] b = VariantJars.withExtraEntry(original, "the same bundle, another digest");
        load.phase = symbolicName.substring(symbolicName.lastIndexOf('.') + 1);
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            RolloutStatus status = await(deployments.submit(i % 2 == 0 ? b : a, "all", DeployOptions.defaults()));
            assertEquals(status.toString(), NodeState.ACTIVE, status.nodes().get(0).state());
        }
        System.out.printf("deploy swap load: %d rollouts of %s in %.1f s%n", times, symbolicName,
                (System.nanoTime() - start) / 1e9);
        load.phase = "idle";
    }


    private RolloutStatus await(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        RolloutStatus last = null;
        while (System.currentTimeMillis() < deadline) {
            last = deployments.rollout(id).orElseThrow();
            if (!last.nodes().isEmpty() && last.nodes().stream().allMatch(n -> n.state().isFinal())) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("rollout " + id + " unfinished: " + last);
    }

    private static void awaitHttp(int port, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + path);
    }

    private Bundle bundleNamed(String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + name);
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    /** 50 requests per second, round robin over the routes; failures counted by phase and route. */
    private static final class Load {
        private final int port;
        private final List<String> routes;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "swap-load");
            t.setDaemon(true);
            return t;
        });
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong answered = new AtomicLong();
        volatile String phase = "idle";

        Load(int port, List<String> routes) {
            this.port = port;
            this.routes = routes;
        }

        void start() {
            timer.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(5, TimeUnit.SECONDS);
            Thread.sleep(2_500); // let the last requests answer
        }

        private void tick() {
            String route = routes.get((int) (sent.getAndIncrement() % routes.size()));
            String when = phase;
            client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        answered.incrementAndGet();
                        if (error != null || response.statusCode() != 200) {
                            String why = error != null ? error.getClass().getSimpleName() : Integer.toString(response.statusCode());
                            failures.computeIfAbsent(when + " " + route + " " + why, k -> new AtomicInteger()).incrementAndGet();
                        }
                    });
        }

        int failed(String when, String route) {
            return failures.entrySet().stream().filter(e -> e.getKey().startsWith(when + " " + route + " "))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        String report() {
            Map<String, Integer> sorted = new TreeMap<>();
            failures.forEach((k, v) -> sorted.put(k, v.get()));
            return sent.get() + " requests sent, " + answered.get() + " answered, failures " + sorted;
        }
    }
}
