package io.punnet.deploy.core;

import java.util.Objects;

import io.punnet.deploy.api.NodeState;

/**
 * What one node reports about one rollout, gossiped in its {@value StatusCodec#KEY} value.
 *
 * @param rolloutId    the rollout
 * @param entryVersion the desired-state entry version the node acted on
 * @param symbolicName the bundle's symbolic name
 * @param state        where it stands
 * @param reason       why it failed, else empty
 */
public record NodeReport(long rolloutId, long entryVersion, String symbolicName, NodeState state, String reason) {

    public NodeReport {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    /** The report for the same entry in a new state. */
    public NodeReport to(NodeState next, String why) {
        return new NodeReport(rolloutId, entryVersion, symbolicName, next, why);
    }
}
