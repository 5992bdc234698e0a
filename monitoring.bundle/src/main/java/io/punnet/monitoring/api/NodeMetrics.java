package io.punnet.monitoring.api;

import org.jspecify.annotations.Nullable;

/**
 * One sample of a node's health. Every field is nullable: {@code null} means <em>unknown</em> (the
 * board has no such sensor, the operating system did not answer, or the value came from a newer
 * or damaged gossip value). The unit of each field is in its name.
 *
 * @param cpuPercent         system-wide CPU usage between the last two samples, 0–100
 * @param load1              load average over 1 minute
 * @param load5              load average over 5 minutes
 * @param load15             load average over 15 minutes
 * @param cpuCount           logical processors
 * @param memTotalBytes      physical memory
 * @param memUsedBytes       physical memory in use (total minus available)
 * @param memAvailableBytes  physical memory available to new work without swapping
 * @param swapTotalBytes     swap space
 * @param swapUsedBytes      swap space in use
 * @param temperatureCelsius CPU temperature, where the board reports one (a Pi does)
 * @param diskTotalBytes     size of the root file system
 * @param diskFreeBytes      space of the root file system usable by the node
 * @param uptimeSeconds      time since the operating system booted
 * @param jvmHeapUsedBytes   heap in use by the node's JVM
 * @param jvmHeapMaxBytes    the JVM's maximum heap
 * @param jvmThreads         live threads of the node's JVM
 * @param sampledAtMillis    the sampling node's wall clock at the sample (milliseconds since the
 *                           epoch; clocks of different nodes may disagree, so ages are measured
 *                           elsewhere: see {@link MetricsReading#ageMillis()})
 */
public record NodeMetrics(
        @Nullable Double cpuPercent,
        @Nullable Double load1,
        @Nullable Double load5,
        @Nullable Double load15,
        @Nullable Integer cpuCount,
        @Nullable Long memTotalBytes,
        @Nullable Long memUsedBytes,
        @Nullable Long memAvailableBytes,
        @Nullable Long swapTotalBytes,
        @Nullable Long swapUsedBytes,
        @Nullable Double temperatureCelsius,
        @Nullable Long diskTotalBytes,
        @Nullable Long diskFreeBytes,
        @Nullable Long uptimeSeconds,
        @Nullable Long jvmHeapUsedBytes,
        @Nullable Long jvmHeapMaxBytes,
        @Nullable Integer jvmThreads,
        @Nullable Long sampledAtMillis) {

    private static final NodeMetrics UNKNOWN = builder().build();

    /** A sample in which every field is unknown. */
    public static NodeMetrics unknown() {
        return UNKNOWN;
    }

    /** A builder whose fields all start unknown. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this sample's values. */
    public Builder toBuilder() {
        return new Builder()
                .cpuPercent(cpuPercent).load(load1, load5, load15).cpuCount(cpuCount)
                .memory(memTotalBytes, memUsedBytes, memAvailableBytes)
                .swap(swapTotalBytes, swapUsedBytes).temperatureCelsius(temperatureCelsius)
                .disk(diskTotalBytes, diskFreeBytes).uptimeSeconds(uptimeSeconds)
                .jvmHeap(jvmHeapUsedBytes, jvmHeapMaxBytes).jvmThreads(jvmThreads)
                .sampledAtMillis(sampledAtMillis);
    }

    /**
     * Builds a {@link NodeMetrics} field by field (18 positional arguments are easy to swap).
     * Not thread safe; every field starts unknown.
     */
    public static final class Builder {
        private @Nullable Double cpuPercent;
        private @Nullable Double load1;
        private @Nullable Double load5;
        private @Nullable Double load15;
        private @Nullable Integer cpuCount;
        private @Nullable Long memTotalBytes;
        private @Nullable Long memUsedBytes;
        private @Nullable Long memAvailableBytes;
        private @Nullable Long swapTotalBytes;
        private @Nullable Long swapUsedBytes;
        private @Nullable Double temperatureCelsius;
        private @Nullable Long diskTotalBytes;
        private @Nullable Long diskFreeBytes;
        private @Nullable Long uptimeSeconds;
        private @Nullable Long jvmHeapUsedBytes;
        private @Nullable Long jvmHeapMaxBytes;
        private @Nullable Integer jvmThreads;
        private @Nullable Long sampledAtMillis;

        private Builder() {
        }

        public Builder cpuPercent(@Nullable Double value) {
            cpuPercent = value;
            return this;
        }

        public Builder load(@Nullable Double oneMinute, @Nullable Double fiveMinutes,
                @Nullable Double fifteenMinutes) {
            load1 = oneMinute;
            load5 = fiveMinutes;
            load15 = fifteenMinutes;
            return this;
        }

        public Builder cpuCount(@Nullable Integer value) {
            cpuCount = value;
            return this;
        }

        public Builder memory(@Nullable Long totalBytes, @Nullable Long usedBytes,
                @Nullable Long availableBytes) {
            memTotalBytes = totalBytes;
            memUsedBytes = usedBytes;
            memAvailableBytes = availableBytes;
            return this;
        }

        public Builder swap(@Nullable Long totalBytes, @Nullable Long usedBytes) {
            swapTotalBytes = totalBytes;
            swapUsedBytes = usedBytes;
            return this;
        }

        public Builder temperatureCelsius(@Nullable Double value) {
            temperatureCelsius = value;
            return this;
        }

        public Builder disk(@Nullable Long totalBytes, @Nullable Long freeBytes) {
            diskTotalBytes = totalBytes;
            diskFreeBytes = freeBytes;
            return this;
        }

        public Builder uptimeSeconds(@Nullable Long value) {
            uptimeSeconds = value;
            return this;
        }

        public Builder jvmHeap(@Nullable Long usedBytes, @Nullable Long maxBytes) {
            jvmHeapUsedBytes = usedBytes;
            jvmHeapMaxBytes = maxBytes;
            return this;
        }

        public Builder jvmThreads(@Nullable Integer value) {
            jvmThreads = value;
            return this;
        }

        public Builder sampledAtMillis(@Nullable Long value) {
            sampledAtMillis = value;
            return this;
        }

        public NodeMetrics build() {
            return new NodeMetrics(cpuPercent, load1, load5, load15, cpuCount, memTotalBytes,
                    memUsedBytes, memAvailableBytes, swapTotalBytes, swapUsedBytes,
                    temperatureCelsius, diskTotalBytes, diskFreeBytes, uptimeSeconds,
                    jvmHeapUsedBytes, jvmHeapMaxBytes, jvmThreads, sampledAtMillis);
        }
    }
}
