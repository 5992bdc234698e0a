package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeProgress;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * The deploy bundle in a real node (one Felix, real gossip on loopback): a test bundle is installed,
 * updated, and a broken version (a component that can never be satisfied, then a bundle that cannot
 * resolve) is rolled back to the previous revision with the reason reported; a replayed older desired
 * state changes nothing; Gogo commands deploy and report; bad submissions are
 * refused with their reason and install nothing. Gossip keeps its generation all along.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployRolloutTest {

    private static final long ROLLOUT_TIMEOUT_MS = 60_000; // above the default activation timeout

    @Inject
    private BundleContext context;

    @Inject
    private Cluster cluster;

    @Inject
    private Deployments deployments;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] configuration() {
        return Bundles.nodeWithThisDeployBundle("deploy-node");
    }

    @Before
    public void shortTimeouts() throws IOException, InterruptedException {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("activationTimeoutInMs", 3_000L);
        props.put("maxJarSizeInBytes", 200_000L);
        props.put("reconcileIntervalInMs", 1_000L);
        org.osgi.service.cm.Configuration config = configAdmin.getConfiguration("io.punnet.deploy", "?");
        config.update(props);
        Thread.sleep(500); // the component gets @Modified on the config admin's thread
    }

    @Test
    public void installUpdateAndRollBackBrokenVersions() throws Exception {
        long generation = cluster.local().generation();
        Bundle gossip = bundleNamed("io.punnet.gossip");
        long gossipModified = gossip.getLastModified();

        RolloutStatus v1 = await(deployments.submit(Bundles.good("1.0.0"), "all", DeployOptions.defaults()));
        assertEquals(v1.toString(), RolloutStatus.Phase.SUCCEEDED, v1.phase());
        Bundle hello = bundleNamed(Bundles.NAME);
        assertEquals(Bundle.ACTIVE, hello.getState());
        assertEquals("1.0.0", hello.getVersion().toString());

        String desiredV1 = cluster.local().state("deploy.desired");
        RolloutStatus v2 = await(deployments.submit(Bundles.good("2.0.0"), "all", DeployOptions.defaults()));
        assertEquals(v2.toString(), RolloutStatus.Phase.SUCCEEDED, v2.phase());
        assertEquals("2.0.0", bundleNamed(Bundles.NAME).getVersion().toString());
        assertEquals("updated in place, not installed again", hello.getBundleId(), bundleNamed(Bundles.NAME).getBundleId());

        // a replayed older desired state (validly signed: it was the cluster's own) never downgrades
        cluster.setApplicationState("deploy.desired", desiredV1);
        long replayDeadline = System.currentTimeMillis() + 5_000;
        while (cluster.local().state("deploy.desired").equals(desiredV1) && System.currentTimeMillis() < replayDeadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1_500); // more than one reconciliation interval
        assertTrue("the newer desired state is published again", !cluster.local().state("deploy.desired").equals(desiredV1));
        assertEquals("the replay did not downgrade", "2.0.0", bundleNamed(Bundles.NAME).getVersion().toString());

        RolloutStatus broken = await(deployments.submit(Bundles.unsatisfied("3.0.0"), "all", DeployOptions.defaults()));
        assertEquals(broken.toString(), RolloutStatus.Phase.FAILED, broken.phase());
        NodeProgress node = broken.nodes().get(0);
        assertEquals(NodeState.ROLLED_BACK, node.state());
        assertTrue(node.reason(), node.reason().contains("unsatisfied references") && node.reason().contains("store"));
        assertEquals("rolled back to 2.0.0", "2.0.0", bundleNamed(Bundles.NAME).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundleNamed(Bundles.NAME).getState());

        RolloutStatus unresolvable = await(deployments.submit(Bundles.unresolvable("3.0.1"), "all",
                DeployOptions.defaults()));
        assertEquals(NodeState.ROLLED_BACK, unresolvable.nodes().get(0).state());
        assertTrue(unresolvable.nodes().get(0).reason(), unresolvable.nodes().get(0).reason().contains("io.punnet.itest.nowhere"));
        assertEquals("2.0.0", bundleNamed(Bundles.NAME).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundleNamed(Bundles.NAME).getState());

        List<BundleInfo> mine = deployments.bundles().get(cluster.local().name());
        assertNotNull(mine);
        assertTrue(mine.toString(), mine.stream().anyMatch(b -> b.symbolicName().equals(Bundles.NAME)
                && b.version().equals("2.0.0") && b.state().equals("ACTIVE") && v2.sha256().startsWith(b.digest())
                && !b.digest().isEmpty()));
        assertTrue("no stale revisions", context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles().isEmpty());

        Member end = cluster.local();
        assertEquals("gossip kept its generation", generation, end.generation());
        assertEquals("the gossip bundle was not touched", gossipModified, gossip.getLastModified());
        assertTrue("the desired state is gossiped", end.state("deploy.desired").contains(Bundles.NAME));
    }

    @Test
    public void badSubmissionsAreRefusedWithTheirReasonAndInstallNothing() throws Exception {
        int bundlesBefore = context.getBundles().length;
        String desiredBefore = cluster.local().state("deploy.desired");
        assertRefused(Reason.NOT_A_JAR, "this is not a jar".getBytes(), "all", DeployOptions.defaults());
        assertRefused(Reason.NO_MANIFEST, zipWithoutManifest(), "all", DeployOptions.defaults());
        assertRefused(Reason.NO_SYMBOLIC_NAME, Bundles.jar("", "1.0.0", null, false), "all", DeployOptions.defaults());
        assertRefused(Reason.TOO_LARGE, new byte[300_000], "all", DeployOptions.defaults());
        assertRefused(Reason.TAMPERED, Bundles.good("9.0.0"), "all",
                DeployOptions.defaults().withExpectedSha256("0".repeat(64)));
        assertRefused(Reason.BAD_TARGET, Bundles.good("9.0.0"), "everywhere", DeployOptions.defaults());
        assertRefused(Reason.GOSSIP_NOT_ALLOWED, Bundles.jar("io.punnet.gossip", "9.0.0", null, false), "all",
                DeployOptions.defaults());
        assertRefused(Reason.DOWNGRADE, Bundles.jar("io.punnet.monitoring", "0.0.1", null, false), "all",
                DeployOptions.defaults());
        assertEquals(bundlesBefore, context.getBundles().length);
        assertEquals("nothing was gossiped", desiredBefore, cluster.local().state("deploy.desired"));
    }

    @Test
    public void gogoCommandsDeployAndReport() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("gogo", ".jar");
        java.nio.file.Files.write(jar, Bundles.jar("io.punnet.itest.gogo", "1.0.0", null, false));
        String deployed = gogo("punnet:deploy " + jar + " all");
        assertTrue(deployed, deployed.startsWith("rollout "));
        String id = deployed.substring("rollout ".length()).strip();
        RolloutStatus status = await(id);
        assertEquals(status.toString(), RolloutStatus.Phase.SUCCEEDED, status.phase());
        String detail = gogo("punnet:rollouts " + id);
        assertTrue(detail, detail.contains("SUCCEEDED") && detail.contains(cluster.local().name()) && detail.contains("ACTIVE"));
        assertTrue(gogo("punnet:rollouts").contains(id));
        String bundles = gogo("punnet:bundles");
        assertTrue(bundles, bundles.contains("io.punnet.itest.gogo") && bundles.contains("io.punnet.gossip"));
        String refused = gogo("punnet:deploy " + jar + " nowhere");
        assertTrue(refused, refused.startsWith("refused (BAD_TARGET)"));
        java.nio.file.Files.delete(jar);
    }

    /** Runs one Gogo command line and returns what it printed and returned. */
    private String gogo(String line) throws Exception {
        org.apache.felix.service.command.CommandProcessor processor = context.getService(
                context.getServiceReference(org.apache.felix.service.command.CommandProcessor.class));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        try (org.apache.felix.service.command.CommandSession session = processor.createSession(
                new java.io.ByteArrayInputStream(new byte[0]), print, print)) {
            Object result = session.execute(line);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        }
    }

    private void assertRefused(Reason reason, byte[] jar, String target, DeployOptions options) throws IOException {
        try {
            String id = deployments.submit(jar, target, options);
            fail("accepted as rollout " + id + ", expected " + reason);
        } catch (DeploymentRefusedException e) {
            assertEquals(e.getMessage(), reason, e.reason());
            assertTrue(!e.getMessage().isBlank());
        }
    }

    private static byte[] zipWithoutManifest() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("../../evil.txt"));
            zip.write(1);
        }
        return out.toByteArray();
    }

    private RolloutStatus await(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ROLLOUT_TIMEOUT_MS;
        RolloutStatus last = null;
        while (System.currentTimeMillis() < deadline) {
            last = deployments.rollout(id).orElseThrow();
            boolean done = !last.nodes().isEmpty() && last.nodes().stream().allMatch(n -> n.state().isFinal());
            if (done && last.phase() != RolloutStatus.Phase.IN_PROGRESS) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("rollout " + id + " did not finish within " + ROLLOUT_TIMEOUT_MS + " ms: " + last);
    }

    private Bundle bundleNamed(String name) {
        Bundle found = null;
        for (Bundle b : context.getBundles()) {
            if (name.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                found = b;
            }
        }
        if (found == null) {
            throw new AssertionError("no bundle " + name);
        }
        return found;
    }

    /**
     * Test bundles for the deploy tests, written in memory: a manifest and one DS component XML whose
     * implementation is {@code java.lang.Object} (so no class needs compiling), immediate, with an
     * optional mandatory reference to a service nobody provides (a "broken" bundle whose component can
     * never be satisfied) or an import of a package nobody exports (a bundle that cannot resolve).
     */
    static final class Bundles {

        static final String NAME = "io.punnet.itest.hello";

        private Bundles() {
        }

        /** A bundle whose one component becomes ACTIVE. */
        static byte[] good(String version) {
            return jar(NAME, version, null, false);
        }

        /** A bundle whose component waits forever for a service that does not exist. */
        static byte[] unsatisfied(String version) {
            return jar(NAME, version, null, true);
        }

        /** A bundle that cannot resolve. */
        static byte[] unresolvable(String version) {
            return jar(NAME, version, "io.punnet.itest.nowhere", false);
        }

        static byte[] jar(String name, String version, String importPackage, boolean missingReference) {
            Manifest m = TestBundles.manifest(name, version);
            Attributes a = m.getMainAttributes();
            a.putValue("Service-Component", "OSGI-INF/hello.xml");
            if (importPackage != null) {
                a.putValue("Import-Package", importPackage);
            }
            String reference = missingReference
                    ? "<reference name=\"store\" interface=\"io.punnet.itest.NoSuchService\" cardinality=\"1..1\"/>" : "";
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"" + name + ".Hello\""
                    + " immediate=\"true\"><implementation class=\"java.lang.Object\"/>" + reference
                    + "<property name=\"built.version\" value=\"" + version + "\"/></scr:component>\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(out, m)) {
                jar.putNextEntry(new ZipEntry("OSGI-INF/hello.xml"));
                jar.write(xml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /**
         * The node's options with the deploy bundle taken from this build (deploy.bundle/target) instead
         * of the distribution, so that the tests run the deploy code they test.
         */
        static Option[] nodeWithThisDeployBundle(String name) {
            Path built = Path.of(System.getProperty("punnet.dist", "../run/target/punnet")).toAbsolutePath().normalize()
                    .getParent().getParent().getParent().resolve("deploy.bundle/target/deploy.bundle-0.1.0-SNAPSHOT.jar");
            List<Option> options = new ArrayList<>();
            for (Option o : PunnetOptions.node(name, Ports.free(), Ports.free())) {
                if (o instanceof UrlProvisionOption p && p.getURL().contains("deploy.bundle-") && built.toFile().isFile()) {
                    options.add(new UrlProvisionOption(built.toUri().toString()).startLevel(2));
                } else {
                    options.add(o);
                }
            }
            return options.toArray(new Option[0]);
        }
}
}
