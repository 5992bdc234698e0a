package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.punnet.monitoring.api.NodeMetrics;

class PublishPolicyTest {

    /** cpu 10 points, load 25 % of cores, memory 5 %, swap 5 %, disk 1 %, heap 10 %, 3 °C, threads 20 %, 60 s. */
    static final PublishThresholds DEFAULTS = new PublishThresholds(10, 25, 5, 5, 1, 10, 3, 20, 60_000);

    private final PublishPolicy policy = new PublishPolicy(DEFAULTS);
    private final NodeMetrics last = Samples.pi();

    private PublishPolicy.Decision after(NodeMetrics.Builder current, long elapsedMillis) {
        return policy.decide(last, 1_000, current.build(), 1_000 + elapsedMillis);
    }

    @Test
    void theFirstSampleIsAlwaysPublished() {
        PublishPolicy.Decision d = policy.decide(null, 0, NodeMetrics.unknown(), 0);
        assertTrue(d.publish());
        assertEquals("first sample", d.reason());
    }

    @Test
    void quietFiguresArePublishedOnlyAtTheMaximumAge() {
        NodeMetrics.Builder same = last.toBuilder().uptimeSeconds(last.uptimeSeconds() + 59)
                .sampledAtMillis(last.sampledAtMillis() + 59_999);
        assertFalse(after(same, 59_999).publish(), "uptime and sample time alone do not count");
        PublishPolicy.Decision atMaxAge = after(same, 60_000);
        assertTrue(atMaxAge.publish());
        assertTrue(atMaxAge.reason().startsWith("max age"), atMaxAge.reason());
    }

    @Test
    void cpuMovesInPercentagePoints() {
        assertFalse(after(last.toBuilder().cpuPercent(22.4), 5_000).publish());
        assertTrue(after(last.toBuilder().cpuPercent(22.5), 5_000).publish());
        assertTrue(after(last.toBuilder().cpuPercent(2.5), 5_000).publish());
    }

    @Test
    void loadMovesRelativeToTheCoreCount() {
        // 25 % of 4 cores: 1.0
        assertFalse(after(last.toBuilder().load(1.4, 0.3, 0.2), 5_000).publish());
        PublishPolicy.Decision d = after(last.toBuilder().load(0.41, 0.3, 1.25), 5_000);
        assertTrue(d.publish());
        assertTrue(d.reason().startsWith("load15"), d.reason());
    }

    @Test
    void memoryMovesRelativeToTotalMemory() {
        long fivePercent = 8 * Samples.GB / 20;
        long used = last.memUsedBytes();
        long available = last.memAvailableBytes();
        assertFalse(after(last.toBuilder().memory(8 * Samples.GB, used + fivePercent - 1,
                available - fivePercent + 1), 5_000).publish());
        assertTrue(after(last.toBuilder().memory(8 * Samples.GB, used + fivePercent + 1,
                available - fivePercent - 1), 5_000).publish());
    }

    @Test
    void diskHeapTemperatureAndThreadsHaveTheirOwnThresholds() {
        assertTrue(after(last.toBuilder().disk(29 * Samples.GB, 12 * Samples.GB - 29 * Samples.GB / 100 - 1), 1).publish());
        assertFalse(after(last.toBuilder().disk(29 * Samples.GB, 12 * Samples.GB - 29 * Samples.GB / 200), 1).publish());
        assertTrue(after(last.toBuilder().jvmHeap(40_000_000L + 26_843_546L, 268_435_456L), 1).publish());
        assertFalse(after(last.toBuilder().jvmHeap(40_000_000L + 26_843_544L, 268_435_456L), 1).publish());
        assertTrue(after(last.toBuilder().temperatureCelsius(51.3), 1).publish());
        assertFalse(after(last.toBuilder().temperatureCelsius(51.1), 1).publish());
        assertFalse(after(last.toBuilder().jvmThreads(50), 1).publish(), "20 % of 42 is 8.4");
        assertTrue(after(last.toBuilder().jvmThreads(51), 1).publish());
    }

    @Test
    void aFieldBecomingKnownOrUnknownIsPublished() {
        PublishPolicy.Decision lost = after(last.toBuilder().temperatureCelsius(null), 1);
        assertTrue(lost.publish());
        assertEquals("temperatureCelsius became unknown", lost.reason());
        PublishPolicy.Decision found = policy.decide(last.toBuilder().cpuPercent(null).build(), 0, last, 1);
        assertEquals("cpuPercent became known", found.reason());
    }

    @Test
    void aCoreCountChangeIsPublished() {
        assertTrue(after(last.toBuilder().cpuCount(2), 1).publish());
    }

    @Test
    void zeroThresholdsPublishEveryChangeButNotAnEqualSample() {
        PublishPolicy eager = new PublishPolicy(new PublishThresholds(0, 0, 0, 0, 0, 0, 0, 0, 60_000));
        assertFalse(eager.decide(last, 0, last, 1).publish());
        assertTrue(eager.decide(last, 0, last.toBuilder().cpuPercent(12.6).build(), 1).publish());
    }

    @Test
    void negativeThresholdsOrAgesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PublishThresholds(-1, 0, 0, 0, 0, 0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PublishThresholds(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
}
