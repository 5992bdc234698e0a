package io.punnet.monitoring.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.punnet.monitoring.api.NodeMetrics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Laws of the publish policy, over random times and moves. */
class PublishPolicyPropertiesTest {

    private final PublishPolicy policy = new PublishPolicy(PublishPolicyTest.DEFAULTS);
    private final NodeMetrics last = Samples.pi();

    @Property(tries = 300)
    void theMaximumAgeAloneDecidesForAnUnchangedSample(@ForAll @LongRange(min = 0, max = 600_000) long elapsed) {
        NodeMetrics same = last.toBuilder().sampledAtMillis(last.sampledAtMillis() + elapsed).build();
        assertEquals(elapsed >= 60_000, policy.decide(last, 0, same, elapsed).publish());
    }

    @Property(tries = 300)
    void cpuPublishesExactlyWhenItMovedByTheThreshold(@ForAll @DoubleRange(min = 0, max = 100) double cpu,
            @ForAll @LongRange(min = 0, max = 59_999) long elapsed) {
        boolean moved = Math.abs(cpu - last.cpuPercent()) >= 10;
        assertEquals(moved, policy.decide(last, 0, last.toBuilder().cpuPercent(cpu).build(), elapsed).publish());
    }

    @Property(tries = 200)
    void losingAnyFieldIsPublished(@ForAll @LongRange(min = 0, max = 16) long field) {
        NodeMetrics.Builder b = last.toBuilder();
        switch ((int) field) {
            case 0 -> b.cpuPercent(null);
            case 1 -> b.load(null, last.load5(), last.load15());
            case 2 -> b.load(last.load1(), null, last.load15());
            case 3 -> b.load(last.load1(), last.load5(), null);
            case 4 -> b.cpuCount(null);
            case 5 -> b.memory(null, last.memUsedBytes(), last.memAvailableBytes());
            case 6 -> b.memory(last.memTotalBytes(), null, last.memAvailableBytes());
            case 7 -> b.memory(last.memTotalBytes(), last.memUsedBytes(), null);
            case 8 -> b.swap(null, last.swapUsedBytes());
            case 9 -> b.swap(last.swapTotalBytes(), null);
            case 10 -> b.temperatureCelsius(null);
            case 11 -> b.disk(null, last.diskFreeBytes());
            case 12 -> b.disk(last.diskTotalBytes(), null);
            case 13 -> b.uptimeSeconds(null);
            case 14 -> b.jvmHeap(null, last.jvmHeapMaxBytes());
            case 15 -> b.jvmHeap(last.jvmHeapUsedBytes(), null);
            default -> b.jvmThreads(null);
        }
        PublishPolicy.Decision d = policy.decide(last, 0, b.build(), 1);
        assertTrue(d.publish(), "field " + field);
        assertTrue(d.reason().endsWith("became unknown"), d.reason());
    }

    @Property(tries = 100)
    void aSampleEqualToTheLastIsNeverPublishedEarly(@ForAll @LongRange(min = 0, max = 59_999) long elapsed) {
        assertFalse(policy.decide(last, 0, last, elapsed).publish());
    }
}
