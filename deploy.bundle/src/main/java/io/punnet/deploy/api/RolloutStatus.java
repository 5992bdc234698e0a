package io.punnet.deploy.api;

import java.util.List;
import java.util.Objects;

/**
 * A rollout and its progress on every node it targets.
 *
 * @param id           the rollout id
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param sha256       the jar's SHA-256, hex
 * @param target       the target as submitted ({@code all}, {@code tag:…}, {@code node:…})
 * @param phase        the phase of the rollout as a whole
 * @param canaryNode   the node updated first, or empty when the rollout has no canary
 * @param nodes        every targeted member this node knows, by name
 */
public record RolloutStatus(String id, String symbolicName, String version, String sha256, String target,
        Phase phase, String canaryNode, List<NodeProgress> nodes) {

    public RolloutStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(phase, "phase");
        canaryNode = canaryNode == null ? "" : canaryNode;
        nodes = List.copyOf(nodes);
    }

    /** The phase of a rollout as a whole. */
    public enum Phase {
        /** Only the canary node is being updated. */
        CANARY,
        /** Some targeted nodes have not finished yet. */
        IN_PROGRESS,
        /** Every targeted node runs the bundle, ACTIVE. */
        SUCCEEDED,
        /** Every node finished, and some failed or rolled back. */
        FAILED,
        /** The canary failed: no other node is touched. */
        STOPPED,
        /** A later rollout of the same symbolic name replaced this one. */
        SUPERSEDED
    }
}
