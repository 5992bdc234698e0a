package io.punnet.deploy.api;

import java.util.Objects;

/**
 * One node's progress in one rollout.
 *
 * @param node   the node name
 * @param state  where the rollout stands there
 * @param reason why it failed or was rolled back, else empty
 */
public record NodeProgress(String node, NodeState state, String reason) {

    public NodeProgress {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }
}
