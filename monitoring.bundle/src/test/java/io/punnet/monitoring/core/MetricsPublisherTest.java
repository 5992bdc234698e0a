package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.punnet.monitoring.api.NodeMetrics;

/** The publisher on virtual time: a sample every 5 s, nothing sleeps. */
class MetricsPublisherTest {

    private static final long INTERVAL_MS = 5_000;

    private long now;
    private NodeMetrics next = Samples.pi();
    private final List<String> published = new ArrayList<>();
    private boolean sinkFails;

    private final MetricsPublisher publisher = new MetricsPublisher(() -> next, new MetricsCodec(),
            new PublishPolicy(PublishPolicyTest.DEFAULTS), value -> {
                if (sinkFails) {
                    throw new IllegalStateException("gossip is restarting");
                }
                published.add(value);
            }, () -> now);

    private void runFor(long millis) {
        for (long end = now + millis; now < end; now += INTERVAL_MS) {
            publisher.tick();
        }
    }

    @Test
    void anIdleNodePublishesOncePerMaximumAge() {
        runFor(10 * 60_000);
        // the first sample, then one every 60 s: at 60, 120, ..., 540 s
        assertEquals(10, published.size());
    }

    @Test
    void aBusyMomentIsPublishedAtOnce() {
        runFor(20_000);
        assertEquals(1, published.size());
        next = next.toBuilder().cpuPercent(95.0).build();
        assertTrue(publisher.tick().publish());
        assertEquals(new MetricsCodec().encode(next), published.get(1));
        assertFalse(publisher.tick().publish(), "no news the second time");
    }

    @Test
    void aFailingSinkIsRetriedAtTheNextTick() {
        sinkFails = true;
        assertThrows(IllegalStateException.class, publisher::tick);
        assertNull(publisher.lastPublished());
        sinkFails = false;
        now += INTERVAL_MS;
        assertTrue(publisher.tick().publish());
        assertEquals(1, published.size());
    }

    @Test
    void aNewPolicyAppliesFromTheNextTick() {
        publisher.tick();
        publisher.policy(new PublishPolicy(new PublishThresholds(0, 0, 0, 0, 0, 0, 0, 0, 60_000)));
        next = next.toBuilder().cpuPercent(12.6).build();
        assertTrue(publisher.tick().publish());
    }
}
