package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The gossip bundle is rolled out only when explicitly allowed; then gossip restarts (a new
 * generation), and every bundle wired to it is refreshed, the deploy bundle included: the restarted
 * agent reports the rollout ACTIVE instead of applying it again, and no old revision stays wired.
 *
 * <p>This test talks to the node only through Gogo and HTTP, never through the gossip or deploy API
 * packages: a probe wired to them would be refreshed (and stopped) by the very refresh it checks.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployGossipTest {

    private static final Pattern GENERATION = Pattern.compile("\"generation\":(\\d+)");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return DeployRolloutTest.Bundles.nodeWithThisDeployBundle("gossip-swap-node");
    }

    @Test
    public void gossipIsUpdatedOnlyWhenAllowedAndThenOnce() throws Exception {
        Bundle gossip = bundleNamed("io.punnet.gossip");
        long generation = generation();
        Path variant = Files.createTempFile("gossip-variant", ".jar");
        Files.write(variant, VariantJars.withExtraEntry(Path.of(URI.create(gossip.getLocation().replaceFirst("^reference:", ""))), "the same gossip, another digest"));

        String refused = gogo("punnet:deploy " + variant + " all");
        assertTrue(refused, refused.startsWith("refused (GOSSIP_NOT_ALLOWED)"));
        long modified = gossip.getLastModified();

        String accepted = gogo("punnet:deploy " + variant + " all gossip"); // the warning is logged here too
        Matcher rollout = Pattern.compile("(?m)^rollout ([0-9a-z]+)$").matcher(accepted);
        assertTrue(accepted, rollout.find() && accepted.contains("gossip restarts"));
        String id = rollout.group(1);
        String status = "";
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !status.contains(" ACTIVE") && !status.contains("FAILED")) {
            Thread.sleep(200);
            status = gogo("punnet:rollouts " + id);
        }
        assertTrue(status, status.contains(" ACTIVE"));
        assertNotEquals("the gossip bundle was updated", modified, gossip.getLastModified());
        assertEquals(Bundle.ACTIVE, gossip.getState());
        assertNotEquals("gossip restarted: a new generation", generation, generation());
        long updated = gossip.getLastModified();
        Thread.sleep(3_000);
        assertEquals("the restarted agent did not apply the rollout again", updated, gossip.getLastModified());
        Collection<Bundle> pending = context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles();
        assertTrue("no stale revisions: " + pending, pending.isEmpty());
        Files.delete(variant);
    }

    /** This node's generation, from the REST API. */
    private long generation() throws Exception {
        String port = context.getProperty("punnet.http.port");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/node"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = GENERATION.matcher(r.body());
                if (r.statusCode() == 200 && m.find()) {
                    return Long.parseLong(m.group(1));
                }
            } catch (IOException notYet) {
                // REST is restarting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no generation from /api/v1/node");
    }

    private String gogo(String line) throws Exception {
        ServiceReference<CommandProcessor> ref = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = context.getService(ref);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(line);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        } catch (Exception e) {
            return "error: " + e; // the command service is away while the deploy bundle restarts
        } finally {
            context.ungetService(ref);
        }
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
