package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.gossip.api.Cluster;

/**
 * The gossip bundle is rolled out only when explicitly allowed; then it restarts (a new generation),
 * the deploy bundle restarts with it (it imports the gossip API), and the restarted agent reports the
 * rollout ACTIVE instead of applying it again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployGossipTest {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return DeployRolloutTest.Bundles.nodeWithThisDeployBundle("gossip-swap-node");
    }

    @Test
    public void gossipIsUpdatedOnlyWhenAllowedAndThenOnce() throws Exception {
        Bundle gossip = bundleNamed("io.punnet.gossip");
        long generation = service(Cluster.class).local().generation();
        byte[] variant = withExtraEntry(Path.of(java.net.URI.create(gossip.getLocation().replaceFirst("^reference:", ""))));
        try {
            service(Deployments.class).submit(variant, "all", DeployOptions.defaults());
            fail("gossip was accepted without permission");
        } catch (DeploymentRefusedException e) {
            assertEquals(Reason.GOSSIP_NOT_ALLOWED, e.reason());
        }
        long modified = gossip.getLastModified();
        String id = service(Deployments.class).submit(variant, "all", DeployOptions.defaults().withAllowGossip(true));

        RolloutStatus status = null;
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<RolloutStatus> now = optionalService(Deployments.class).flatMap(d -> d.rollout(id));
            if (now.isPresent() && !now.get().nodes().isEmpty() && now.get().nodes().get(0).state().isFinal()) {
                status = now.get();
                break;
            }
            Thread.sleep(100);
        }
        assertTrue("rollout " + id + " did not finish: " + status, status != null);
        assertEquals(status.toString(), NodeState.ACTIVE, status.nodes().get(0).state());
        assertNotEquals("the gossip bundle was updated", modified, gossip.getLastModified());
        assertEquals(Bundle.ACTIVE, gossip.getState());
        assertNotEquals("gossip restarted: a new generation", generation, service(Cluster.class).local().generation());
        long updatedAgain = gossip.getLastModified();
        Thread.sleep(3_000);
        assertEquals("the restarted agent did not apply the rollout again", updatedAgain, gossip.getLastModified());
        java.util.Collection<Bundle> pending = context.getBundle(0).adapt(FrameworkWiring.class).getRemovalPendingBundles();
        StringBuilder wired = new StringBuilder();
        for (org.osgi.framework.wiring.BundleRevision r : gossip.adapt(org.osgi.framework.wiring.BundleRevisions.class).getRevisions()) {
            org.osgi.framework.wiring.BundleWiring w = r.getWiring();
            if (w != null && !w.isCurrent()) {
                for (org.osgi.framework.wiring.BundleWire wire : w.getProvidedWires(null)) {
                    wired.append(wire.getRequirer().getSymbolicName()).append(' ');
                }
            }
        }
        assertTrue("no stale revisions: " + pending + ", old revision wired to: " + wired, pending.isEmpty());
    }

    private <T> T service(Class<T> type) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            Optional<T> s = optionalService(type);
            if (s.isPresent()) {
                return s.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    private <T> Optional<T> optionalService(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        if (ref == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getService(ref));
    }

    private static byte[] withExtraEntry(Path jar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                zip.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(zip);
                }
            }
            zip.putNextEntry(new ZipEntry("META-INF/punnet-swap.txt"));
            zip.write("the same gossip, another digest".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
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
