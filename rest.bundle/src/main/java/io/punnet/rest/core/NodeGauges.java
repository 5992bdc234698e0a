package io.punnet.rest.core;

import java.util.List;
import java.util.function.Function;

import io.punnet.monitoring.api.NodeMetrics;

/**
 * The gauges of one node's sample, under node_exporter's names where they mean the same thing
 * ({@code node_load1}, {@code node_memory_MemAvailable_bytes}, {@code node_filesystem_avail_bytes},
 * {@code node_thermal_zone_temp}, {@code node_boot_time_seconds}), so that existing Grafana
 * dashboards work; JVM figures under the Micrometer / Prometheus Java client names; the rest under
 * {@code punnet_}.
 */
final class NodeGauges {

    /** One gauge: its family, fixed labels, and how to read it from a sample (null: unknown). */
    record Gauge(String name, String help, List<String> labels, Function<NodeMetrics, Number> read) {
    }

    private static final List<String> ROOT_FS = List.of("mountpoint", "/", "fstype", "rootfs");
    private static final List<String> HEAP = List.of("area", "heap", "id", "heap");

    static final List<Gauge> ALL = List.of(
            new Gauge("node_load1", "1m load average.", List.of(), NodeMetrics::load1),
            new Gauge("node_load5", "5m load average.", List.of(), NodeMetrics::load5),
            new Gauge("node_load15", "15m load average.", List.of(), NodeMetrics::load15),
            new Gauge("punnet_cpu_usage_ratio", "CPU busy fraction between the last two samples, 0-1.", List.of(),
                    m -> LegacyRoutes.fraction(m.cpuPercent())),
            new Gauge("punnet_cpu_count", "Logical processors.", List.of(), NodeMetrics::cpuCount),
            new Gauge("node_memory_MemTotal_bytes", "Memory information field MemTotal_bytes.", List.of(),
                    NodeMetrics::memTotalBytes),
            new Gauge("node_memory_MemAvailable_bytes", "Memory information field MemAvailable_bytes.", List.of(),
                    NodeMetrics::memAvailableBytes),
            new Gauge("node_memory_SwapTotal_bytes", "Memory information field SwapTotal_bytes.", List.of(),
                    NodeMetrics::swapTotalBytes),
            new Gauge("node_memory_SwapFree_bytes", "Memory information field SwapFree_bytes.", List.of(),
                    m -> m.swapTotalBytes() == null || m.swapUsedBytes() == null ? null
                            : m.swapTotalBytes() - m.swapUsedBytes()),
            new Gauge("node_filesystem_size_bytes", "Filesystem size in bytes.", ROOT_FS, NodeMetrics::diskTotalBytes),
            new Gauge("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.", ROOT_FS,
                    NodeMetrics::diskFreeBytes),
            new Gauge("node_thermal_zone_temp", "Zone temperature in Celsius.", List.of("type", "cpu-thermal", "zone", "0"),
                    NodeMetrics::temperatureCelsius),
            new Gauge("node_boot_time_seconds", "Node boot time, in unixtime.", List.of(), NodeGauges::bootTime),
            new Gauge("jvm_memory_used_bytes", "The amount of used memory.", HEAP, NodeMetrics::jvmHeapUsedBytes),
            new Gauge("jvm_memory_max_bytes", "The maximum amount of memory that can be used.", HEAP,
                    NodeMetrics::jvmHeapMaxBytes),
            new Gauge("jvm_threads_live_threads", "The current number of live threads.", List.of(), NodeMetrics::jvmThreads),
            new Gauge("punnet_metrics_sampled_timestamp_seconds", "When the node took the sample, on its own clock.",
                    List.of(), m -> m.sampledAtMillis() == null ? null : m.sampledAtMillis() / 1000.0));

    private NodeGauges() {
    }

    private static Number bootTime(NodeMetrics m) {
        if (m.sampledAtMillis() == null || m.uptimeSeconds() == null) {
            return null;
        }
        return m.sampledAtMillis() / 1000 - m.uptimeSeconds();
    }
}
