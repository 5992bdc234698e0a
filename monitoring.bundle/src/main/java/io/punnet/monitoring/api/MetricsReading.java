package io.punnet.monitoring.api;

import java.util.Objects;

/**
 * The latest metrics of one node as this node holds them, and how old they are.
 *
 * @param node      the node name
 * @param metrics   the last value the node published (fields it could not sample are unknown)
 * @param ageMillis milliseconds since <em>this</em> node received that value, on this node's
 *                  monotonic clock: clock skew between nodes does not matter. A node publishes
 *                  only when a figure moved past a threshold or its maximum age passed, so on an
 *                  idle node the age grows up to that maximum age (a minute by default) plus the
 *                  gossip delay; much older means its monitoring stopped or it is unreachable.
 */
public record MetricsReading(String node, NodeMetrics metrics, long ageMillis) {

    public MetricsReading {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(metrics, "metrics");
    }
}
