package io.punnet.monitoring.internal;

import io.punnet.gossip.testing.FakeCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.punnet.monitoring.api.NodeMetrics;
import io.punnet.monitoring.core.MetricsCodec;

/**
 * The component with a fake cluster and a fake sampler, on its real thread. Waits are bounded
 * blocking polls on what the component publishes, never sleeps.
 */
class MonitoringComponentTest {

    private final FakeCluster cluster = new FakeCluster();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private MonitoringComponent component;

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    private MonitoringComponent start(Map<String, Object> config) {
        component = new MonitoringComponent(cluster, Configs.of(MonitoringConfig.class, config), () -> () -> {
            samples.incrementAndGet();
            return NodeMetrics.builder().cpuCount(4).cpuPercent(samples.get() * 20.0 % 100)
                    .sampledAtMillis(clock.addAndGet(1)).build();
        }, clock::get);
        return component;
    }

    private String nextPublished() throws InterruptedException {
        String value = cluster.published.poll(5, TimeUnit.SECONDS);
        assertNotNull(value, "nothing published within 5 s");
        return value;
    }

    @Test
    void publishesUnderTheMonKey() throws InterruptedException {
        start(Map.of("intervalInMs", 1L));
        String first = nextPublished();
        assertTrue(first.startsWith(MetricsCodec.KEY + "=1;"), first);
        assertEquals(4, new MetricsCodec().decode(first.substring(4)).cpuCount());
        nextPublished(); // the cpu figure moves by 20 points every sample: published again
    }

    @Test
    void aRefusedPublicationDoesNotStopSampling() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        cluster.onSet = value -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalArgumentException("state would grow beyond the limit");
            }
        };
        start(Map.of("intervalInMs", 1L));
        nextPublished();
        assertTrue(calls.get() >= 3);
    }

    @Test
    void deactivationStopsTheSamplingThread() throws InterruptedException {
        start(Map.of("intervalInMs", 1L));
        nextPublished();
        component.deactivate();
        component = null;
        cluster.published.clear();
        // the executor has terminated when deactivate returns; its worker thread exits a moment later
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (samplingThreadAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(samplingThreadAlive(), "the thread ends with the component");
        assertNull(cluster.published.poll(50, TimeUnit.MILLISECONDS), "nothing is published after deactivation");
    }

    @Test
    void aNewConfigurationTakesEffect() throws InterruptedException {
        start(Map.of("intervalInMs", 60_000L));
        nextPublished(); // the first sample runs at once
        component.modified(Configs.of(MonitoringConfig.class, Map.of("intervalInMs", 1L)));
        nextPublished(); // rescheduled: the next one comes within milliseconds, not a minute
    }

    @Test
    void anInvalidConfigurationFallsBackToTheDefaults() throws InterruptedException {
        start(Map.of("intervalInMs", -5L, "maxAgeInMs", 0L, "cpuThresholdInPercent", -1.0));
        nextPublished(); // sampling runs anyway
        assertEquals(MonitoringComponent.MAX_AGE_DEFAULT_MS, MonitoringComponent.policy(
                Configs.of(MonitoringConfig.class, Map.of("maxAgeInMs", 0L))).thresholds().maxAgeMillis());
    }

    private static boolean samplingThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("punnet-monitoring") && t.isAlive());
    }
}
