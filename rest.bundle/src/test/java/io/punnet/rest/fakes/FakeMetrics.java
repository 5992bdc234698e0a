package io.punnet.rest.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

/** Readings set by hand. */
public final class FakeMetrics implements ClusterMetrics {

    private final Map<String, MetricsReading> readings = new HashMap<>();

    public FakeMetrics put(String node, NodeMetrics metrics, long ageMillis) {
        readings.put(node, new MetricsReading(node, metrics, ageMillis));
        return this;
    }

    @Override
    public Optional<MetricsReading> of(String node) {
        return Optional.ofNullable(readings.get(node));
    }

    @Override
    public Map<String, MetricsReading> all() {
        return Map.copyOf(readings);
    }

    /** A full sample: 4 CPUs at 25 %, 1 GiB of 4 GiB available, 47.5 °C. */
    public static NodeMetrics sample() {
        return NodeMetrics.builder().cpuPercent(25.0).load(0.5, 0.25, 0.125).cpuCount(4)
                .memory(4L << 30, 3L << 30, 1L << 30).swap(1L << 30, 1L << 28).temperatureCelsius(47.5)
                .disk(32L << 30, 16L << 30).uptimeSeconds(3600L).jvmHeap(50L << 20, 256L << 20).jvmThreads(40)
                .sampledAtMillis(1_700_000_000_000L).build();
    }
}
