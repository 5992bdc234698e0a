package io.punnet.monitoring.core;

import io.punnet.monitoring.api.NodeMetrics;

/** Samples for the tests: a typical 4-core Pi with 8 GB and a 32 GB card. */
final class Samples {

    static final long GB = 1L << 30;

    private Samples() {
    }

    static NodeMetrics pi() {
        return NodeMetrics.builder()
                .cpuPercent(12.5).load(0.41, 0.3, 0.2).cpuCount(4)
                .memory(8 * GB, 3 * GB, 5 * GB).swap(GB / 10, 0L).temperatureCelsius(48.2)
                .disk(29 * GB, 12 * GB).uptimeSeconds(123_456L)
                .jvmHeap(40_000_000L, 268_435_456L).jvmThreads(42)
                .sampledAtMillis(1_732_490_000_000L)
                .build();
    }
}
