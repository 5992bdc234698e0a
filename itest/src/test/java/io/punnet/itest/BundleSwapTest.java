package io.punnet.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

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

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * Stopping, updating and starting the monitoring bundle again and again while the node runs does not
 * disturb gossip: the Cluster service stays the same registration, the node keeps its generation,
 * its heartbeat keeps growing, and monitoring's services come back, newly registered, after the last
 * start. No thread of the monitoring bundle survives its stop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleSwapTest {

    private static final int SWAPS = 20;

    @Inject
    private BundleContext context;

    @Inject
    private Cluster cluster;

    @Configuration
    public Option[] configuration() {
        return PunnetOptions.node("swap-node", Ports.free(), Ports.free());
    }

    @Test
    public void swappingMonitoringLeavesGossipUntouched() throws Exception {
        ServiceReference<Cluster> before = context.getServiceReference(Cluster.class);
        Bundle gossip = before.getBundle();
        long gossipModified = gossip.getLastModified();
        Member start = cluster.local();
        Bundle monitoring = bundle("io.punnet.monitoring");
        Object metricsBefore = clusterMetricsServiceId(10_000);
        Set<String> threadsBefore = threadNames();
        long startNanos = System.nanoTime();

        for (int i = 0; i < SWAPS; i++) {
            monitoring.stop();
            assertEquals(Bundle.RESOLVED, monitoring.getState());
            if (i % 2 == 0) {
                monitoring.update(); // a new revision from the same location
            }
            monitoring.start();
            assertEquals(Bundle.ACTIVE, monitoring.getState());
        }
        Object metricsAfter = clusterMetricsServiceId(20_000);
        assertTrue("monitoring registered its ClusterMetrics again", !metricsBefore.equals(metricsAfter));

        ServiceReference<Cluster> after = context.getServiceReference(Cluster.class);
        assertEquals("the Cluster service was never re-registered",
                before.getProperty("service.id"), after.getProperty("service.id"));
        assertEquals(Bundle.ACTIVE, gossip.getState());
        assertEquals("the gossip bundle was not touched", gossipModified, gossip.getLastModified());
        Member end = cluster.local();
        assertEquals("same generation: gossip never restarted", start.generation(), end.generation());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        assertTrue("the heartbeat kept growing: " + start.heartbeat() + " -> " + end.heartbeat() + " in " + seconds + " s",
                end.heartbeat() >= start.heartbeat() + (long) seconds - 2);

        Set<String> leaked = threadNames();
        leaked.removeAll(threadsBefore);
        leaked.removeIf(name -> !name.toLowerCase().contains("monitor"));
        assertTrue("monitoring threads left behind: " + leaked, leaked.size() <= 1);
    }

    /**
     * The service id of the ClusterMetrics service of the current monitoring bundle, looked up by
     * name (the API package comes from io.punnet.api, which the swaps never touch).
     */
    private Object clusterMetricsServiceId(long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getAllServiceReferences("io.punnet.monitoring.api.ClusterMetrics", null);
            if (refs != null && refs.length == 1 && refs[0].getBundle().getState() == Bundle.ACTIVE) {
                return refs[0].getProperty("service.id");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ClusterMetrics service within " + timeoutMs + " ms");
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
