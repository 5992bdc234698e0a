package io.punnet.monitoring.core;

import io.punnet.monitoring.api.NodeMetrics;

/**
 * Takes one sample of this node's health.
 *
 * <p>Contract: never throws; a figure that cannot be read is left unknown (null) and the others are
 * still returned. Called from one thread at a time; an implementation may keep state between calls
 * (CPU usage is computed between two calls, so the first sample has it unknown).
 */
@FunctionalInterface
public interface Sampler {

    NodeMetrics sample();
}
