package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.FrameworkPropertyOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.gossip.api.Cluster;
import io.punnet.itest.RouteLoad.Route;

/**
 * Hot swap under load (issue 9): the monitoring bundle, then the REST bundle, are rolled out 100
 * times each through the deploy bundle (alternating two jars that differ by one entry, so that each
 * rollout really updates and refreshes), while a client sends 50 requests a second to routes of four
 * owners: REST ({@code /api/v1/health/live}, {@code /api/v1/nodes}), the web bundle ({@code /} and a
 * dashboard asset), the deploy bundle (an artifact) and the Felix web console.
 *
 * <p>Asserted: no failed request on any route the swapped bundle does not own (monitoring owns no
 * route: nothing may fail while it is swapped; REST's own routes may fail while REST is replaced,
 * and are counted); REST is not even refreshed while monitoring is swapped (its wiring stays the
 * same object: the API packages come from io.punnet.api, which is never replaced); afterwards gossip
 * kept its generation and its Cluster registration, no bundle revision is pending removal, and the
 * threads outside the elastic pools ({@link ThreadCensus#ELASTIC}) are back to their count before.
 * The figures are printed. About 10-20 s of swapping on two cores; {@code -Dpunnet.deploy.swaps=N}
 * changes the number of rollouts per bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeploySwapLoadTest {

    private static final int SWAPS = Integer.getInteger("punnet.deploy.swaps", 100);
    private static final int REQUESTS_PER_S = 50;
    private static final String MONITORING = "io.punnet.monitoring";
    private static final String REST = "io.punnet.rest";
    private static final String CONSOLE_PASSWORD = "swap-load-console";
    /**
     * Threads outside the elastic pools that may still be there after the swaps: none is expected (the
     * census is taken after a warm-up rollout, and is polled until the swapped bundles' threads are gone).
     * One is tolerated for a stopping component whose executor thread is about to exit when the deadline
     * strikes; a leak of one thread per swap would show as 100 or more.
     */
    private static final int THREAD_TOLERANCE = 1;
    private static final long THREAD_SETTLE_MS = 15_000;

    @Inject
    private BundleContext context;

    @Inject
    private Cluster cluster;

    @Inject
    private Deployments deployments;

    /** The deploy node, with a web console password this test knows. */
    @Configuration
    public Option[] configuration() {
        List<Option> options = new ArrayList<>();
        for (Option o : DeployRolloutTest.Bundles.nodeWithThisDeployBundle("swapload-node")) {
            if (!(o instanceof FrameworkPropertyOption p && p.getKey().equals("felix.webconsole.password"))) {
                options.add(o);
            }
        }
        options.add(frameworkProperty("felix.webconsole.password").value(CONSOLE_PASSWORD));
        return options.toArray(new Option[0]);
    }

    @Test
    public void swappingMonitoringThenRestUnderLoad() throws Exception {
        int port = Integer.parseInt(context.getProperty("punnet.http.port"));
        long generation = cluster.local().generation();
        Object clusterServiceId = context.getServiceReference(Cluster.class).getProperty("service.id");
        awaitHttp(port, "/api/v1/health/live");
        String heldSha = await(deployments.submit(DeployRolloutTest.Bundles.good("1.0.0"), "all",
                DeployOptions.defaults())).sha256(); // also the warm-up: the deploy agent's threads exist now
        List<Route> routes = routes(heldSha);
        for (Route route : routes) {
            awaitHttp(port, route);
        }
        ThreadCensus before = ThreadCensus.take();

        long start = System.nanoTime();
        RouteLoad load = new RouteLoad(port, routes);
        double monitoringS;
        double restS;
        BundleWiring restWiring;
        BundleWiring restWiringAfterMonitoring;
        try (load) {
            load.start(REQUESTS_PER_S);
            Thread.sleep(1_000);
            restWiring = bundleNamed(REST).adapt(BundleWiring.class);
            monitoringS = swap(MONITORING, load);
            restWiringAfterMonitoring = bundleNamed(REST).adapt(BundleWiring.class);
            restS = swap(REST, load);
            awaitHttp(port, "/api/v1/nodes"); // REST's servlets are registered again
            load.phase("after");
            Thread.sleep(1_000);
        }
        System.out.printf("deploy swap load: %d + %d rollouts in %.1f s + %.1f s (%.0f ms each), %.1f s under load%n",
                SWAPS, SWAPS, monitoringS, restS, (monitoringS + restS) * 1000 / (2 * SWAPS), (System.nanoTime() - start) / 1e9);
        System.out.printf("deploy swap load: %d requests sent, %d answered, failures %s%n", load.sent(), load.answered(),
                load.failures());

        for (String phase : List.of("monitoring", "rest", "after")) {
            for (Route route : routes) {
                if (!owns(phase, route)) {
                    assertEquals("failed requests on " + route.path() + " (" + route.owner() + ") while " + phase
                            + " was swapped: " + load.failures(), 0, load.failed(phase, route));
                }
            }
        }
        assertSame("REST was not even refreshed while monitoring was swapped", restWiring, restWiringAfterMonitoring);
        assertEquals("every request got an answer or timed out", load.sent(), load.answered());
        assertEquals("gossip kept its generation", generation, cluster.local().generation());
        assertEquals("the Cluster service was never registered again", clusterServiceId,
                context.getServiceReference(Cluster.class).getProperty("service.id"));
        assertTrue("no stale revisions: " + removalPending(), removalPending().isEmpty());
        assertThreadsBackTo(before);
    }

    /** The routes of the load, each with its owner: four bundles, none of them monitoring. */
    private static List<Route> routes(String heldSha) {
        String console = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + CONSOLE_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return List.of(
                Route.open("/api/v1/health/live", REST),
                Route.open("/api/v1/nodes", REST),
                Route.open("/", "io.punnet.web"),
                Route.open("/assets/app.css", "io.punnet.web"),
                Route.open("/api/v1/artifacts/" + heldSha, "io.punnet.deploy"),
                new Route("/system/console/bundles", "org.apache.felix.webconsole", console));
    }

    /** Whether the bundle swapped in {@code phase} ("monitoring", "rest"; none "after") owns the route. */
    private static boolean owns(String phase, Route route) {
        return route.owner().equals("io.punnet." + phase);
    }

    /** Rolls the bundle out {@code SWAPS} times, alternating two digests; the seconds it took. */
    private double swap(String symbolicName, RouteLoad load) throws Exception {
        Bundle bundle = bundleNamed(symbolicName);
        Path original = Path.of(URI.create(bundle.getLocation().replaceFirst("^reference:", "")));
        byte[] a = Files.readAllBytes(original);
        byte[] b = VariantJars.withExtraEntry(original, "the same bundle, another digest");
        load.phase(symbolicName.substring(symbolicName.lastIndexOf('.') + 1));
        Thread.sleep(300); // the requests sent in the phase before are answered before this one's first swap
        long start = System.nanoTime();
        for (int i = 0; i < SWAPS; i++) {
            RolloutStatus status = await(deployments.submit(i % 2 == 0 ? b : a, "all", DeployOptions.defaults()));
            assertEquals(status.toString(), NodeState.ACTIVE, status.nodes().get(0).state());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls until the threads outside the elastic pools are no more than before (bounded), then judges. */
    private static void assertThreadsBackTo(ThreadCensus before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + THREAD_SETTLE_MS;
        ThreadCensus after = ThreadCensus.take();
        while (after.fixed() > before.fixed() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            after = ThreadCensus.take();
        }
        System.out.printf("deploy swap load: threads %d before, %d after (outside the elastic pools: %d, %d); grown: %s%n",
                before.total(), after.total(), before.fixed(), after.fixed(), after.grownSince(before));
        assertTrue("threads left behind: " + after.grownSince(before), after.fixed() <= before.fixed() + THREAD_TOLERANCE);
    }

    private RolloutStatus await(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        RolloutStatus last = null;
        while (System.currentTimeMillis() < deadline) {
            last = deployments.rollout(id).orElseThrow();
            if (!last.nodes().isEmpty() && last.nodes().stream().allMatch(n -> n.state().isFinal())) {
                return last;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("rollout " + id + " unfinished: " + last);
    }

    private static void awaitHttp(int port, String path) throws Exception {
        awaitHttp(port, Route.open(path, "?"));
    }

    private static void awaitHttp(int port, Route route) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + route.path()));
        if (route.authorization() != null) {
            request.header("Authorization", route.authorization());
        }
        long deadline = System.currentTimeMillis() + 30_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no 200 from " + route.path() + " within 30 s, last " + last);
    }

    private Map<Long, String> removalPending() {
        Map<Long, String> pending = new TreeMap<>();
        for (Bundle b : context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles()) {
            pending.put(b.getBundleId(), b.getSymbolicName());
        }
        return pending;
    }

    private Bundle bundleNamed(String name) {
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + name);
    }
}
