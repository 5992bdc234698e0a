package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;

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

import io.punnet.gossip.api.Cluster;

/**
 * What a refresh of each Punnet bundle would take down with it, read from the framework's wiring of
 * a real node: every bundle a rollout may replace is wired to by no other bundle (the API packages
 * come from io.punnet.api), so updating and refreshing it restarts it alone. io.punnet.api itself
 * is the exception by design: its importers restart with it, the deploy agent among them, and the
 * agent finishes that rollout after its own restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RefreshIsolationTest {

    private static final List<String> REPLACEABLE = List.of("io.punnet.monitoring", "io.punnet.metadata",
            "io.punnet.detector", "io.punnet.deploy", "io.punnet.rest", "io.punnet.web", "io.punnet.discovery");
    private static final String API = "io.punnet.api";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    private BundleContext context;

    @Inject
    private Cluster cluster;

    @Configuration
    public Option[] configuration() {
        return DeployRolloutTest.Bundles.nodeWithThisDeployBundle("isolation-node");
    }

    @Test
    public void refreshingAnyReplaceableBundleRefreshesItAlone() {
        for (String name : REPLACEABLE) {
            assertEquals("what a refresh of " + name + " restarts", Set.of(name), closure(name));
        }
    }

    @Test
    public void refreshingTheApiBundleRestartsItsImportersButNeverGossip() {
        assertEquals(new TreeSet<>(List.of(API, "io.punnet.monitoring", "io.punnet.metadata", "io.punnet.detector",
                "io.punnet.deploy", "io.punnet.rest")), closure(API));
    }

    /**
     * A rollout of io.punnet.api, posted over HTTP, refreshes REST and the deploy bundle in the middle
     * of it: the restarted agent finds the bundle at the desired digest and reports the rollout done;
     * every bundle runs again, nothing is left pending removal and gossip never restarted. (Over HTTP,
     * and with no API type in this class, so that the test probe is not wired to io.punnet.api and
     * survives the refresh.)
     */
    @Test
    public void aRolloutOfTheApiBundleIsFinishedByTheRestartedAgent() throws Exception {
        long generation = cluster.local().generation();
        Bundle api = bundleNamed(API);
        byte[] variant = VariantJars.withExtraEntry(Path.of(URI.create(api.getLocation().replaceFirst("^reference:", ""))),
                "the API bundle again, another digest");
        awaitBody("/api/v1/rollouts", "{\"rollouts\":");
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/bundles")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/java-archive").header("Authorization", "Bearer " + PunnetOptions.TEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(variant)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 202, posted.statusCode());
        String id = posted.body().replaceFirst("^\\{\"id\":\"([^\"]+)\".*$", "$1");

        awaitBody("/api/v1/rollouts/" + id, "\"phase\":\"SUCCEEDED\"");
        assertTrue("the new revision is in use", api.getEntry("META-INF/punnet-swap.txt") != null);
        for (String name : REPLACEABLE) {
            assertEquals(name + " runs", Bundle.ACTIVE, bundleNamed(name).getState());
        }
        assertTrue("no stale revisions", context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().isEmpty());
        assertEquals("gossip kept its generation", generation, cluster.local().generation());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getProperty("org.osgi.service.http.port") + path);
    }

    /** Polls (REST restarts during the API rollout: 404s and refused connections come and go). */
    private void awaitBody(String path, String wanted) throws InterruptedException {
        Polling.awaitBody(path, () -> HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()), wanted, Duration.ofSeconds(60), Duration.ofMillis(100));
    }

    /** The symbolic names of the bundles a refresh of {@code name} would refresh (itself included). */
    private Set<String> closure(String name) {
        Set<String> names = new TreeSet<>();
        for (Bundle b : context.getBundle(0).adapt(FrameworkWiring.class).getDependencyClosure(List.of(bundleNamed(name)))) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("io.punnet.")) {
                names.add(b.getSymbolicName()); // not the test probe, which may import an API too
            }
        }
        return names;
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
