package io.punnet.monitoring.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the monitoring component (pid {@value MonitoringComponent#PID}). Every default
 * works on a LAN of Pis with no edits; the units are in the names.
 */
@ObjectClassDefinition(name = "Punnet monitoring",
        description = "How often this node samples its health, and how much a figure must move before it is gossiped.")
@interface MonitoringConfig {

    @AttributeDefinition(description = "Time between two samples. Shorter notices spikes sooner but costs CPU on a Pi"
            + " (a sample takes a few milliseconds); it does not add gossip traffic by itself, the thresholds do."
            + " At least 100.")
    long intervalInMs() default MonitoringComponent.INTERVAL_DEFAULT_MS;

    @AttributeDefinition(description = "A sample is gossiped at least this often even if nothing moved. It bounds how"
            + " old a figure can look to other nodes on an idle cluster, against one small update per node per period.")
    long maxAgeInMs() default MonitoringComponent.MAX_AGE_DEFAULT_MS;

    @AttributeDefinition(description = "Gossip when CPU usage moved by this many percentage points.")
    double cpuThresholdInPercent() default MonitoringComponent.CPU_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when a load average moved by this percentage of the core count"
            + " (25 on a 4-core Pi: by 1.0).")
    double loadThresholdInPercentOfCores() default MonitoringComponent.LOAD_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when used or available memory moved by this percentage of total memory.")
    double memoryThresholdInPercent() default MonitoringComponent.MEMORY_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when used swap moved by this percentage of total swap.")
    double swapThresholdInPercent() default MonitoringComponent.SWAP_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when free disk moved by this percentage of the disk size.")
    double diskThresholdInPercent() default MonitoringComponent.DISK_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when the JVM's used heap moved by this percentage of its maximum heap.")
    double heapThresholdInPercent() default MonitoringComponent.HEAP_THRESHOLD_DEFAULT_PERCENT;

    @AttributeDefinition(description = "Gossip when the CPU temperature moved by this many degrees Celsius.")
    double temperatureThresholdInCelsius() default MonitoringComponent.TEMPERATURE_THRESHOLD_DEFAULT_CELSIUS;

    @AttributeDefinition(description = "Gossip when the JVM thread count moved by this percentage of the last gossiped count.")
    double threadsThresholdInPercent() default MonitoringComponent.THREADS_THRESHOLD_DEFAULT_PERCENT;
}
