package io.punnet.monitoring.core;

import java.util.Locale;

/**
 * How far a figure must move before a node gossips a new sample, and how long it may stay quiet.
 * Relative thresholds are percentages of the figure that bounds them, so one setting suits a Pi
 * with 1 GB and a server with 64 GB alike.
 *
 * @param cpuPercentPoints     CPU usage change, in percentage points
 * @param loadPercentOfCores   change of any load average, in percent of the core count (25 on a
 *                             4-core Pi: a change of 1.0)
 * @param memoryPercentOfTotal change of used or available memory, in percent of total memory
 * @param swapPercentOfTotal   change of used swap, in percent of total swap
 * @param diskPercentOfTotal   change of free disk, in percent of the disk size
 * @param heapPercentOfMax     change of the JVM's used heap, in percent of its maximum heap
 * @param temperatureCelsius   change of the CPU temperature, in degrees
 * @param threadsPercent       change of the JVM thread count, in percent of the last published
 *                             count (at least one thread)
 * @param maxAgeMillis         a sample is published at least this often, even if nothing moved;
 *                             it bounds how stale a figure can look to other nodes
 */
public record PublishThresholds(double cpuPercentPoints, double loadPercentOfCores,
        double memoryPercentOfTotal, double swapPercentOfTotal, double diskPercentOfTotal,
        double heapPercentOfMax, double temperatureCelsius, double threadsPercent, long maxAgeMillis) {

    public PublishThresholds {
        if (cpuPercentPoints < 0 || loadPercentOfCores < 0 || memoryPercentOfTotal < 0
                || swapPercentOfTotal < 0 || diskPercentOfTotal < 0 || heapPercentOfMax < 0
                || temperatureCelsius < 0 || threadsPercent < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "thresholds must not be negative: cpu %s, load %s, memory %s, swap %s, disk %s, heap %s,"
                    + " temperature %s, threads %s", cpuPercentPoints, loadPercentOfCores,
                    memoryPercentOfTotal, swapPercentOfTotal, diskPercentOfTotal, heapPercentOfMax,
                    temperatureCelsius, threadsPercent));
        }
        if (maxAgeMillis <= 0) {
            throw new IllegalArgumentException("maxAgeMillis must be positive, not " + maxAgeMillis);
        }
    }
}
