package io.punnet.deploy.api;

/**
 * Where one rollout stands on one node.
 *
 * <pre>
 *   PENDING ──► FETCHING ──► INSTALLED ──► ACTIVE
 *      │            │            │
 *      └────────────┴────────────┴──► FAILED ──► ROLLED_BACK
 * </pre>
 * A node already running the desired jar goes from PENDING to ACTIVE directly. FAILED is final only
 * when there was nothing to roll back to or the rollback itself failed; the reason says which.
 */
public enum NodeState {
    /** Targeted, not started yet (or not heard of yet). */
    PENDING,
    /** Fetching the jar from a node that holds it. */
    FETCHING,
    /** Installed or updated; waiting for ACTIVE and satisfied components. */
    INSTALLED,
    /** The bundle is ACTIVE and its components are satisfied. */
    ACTIVE,
    /** The rollout failed on this node (see the reason). */
    FAILED,
    /** It failed and the previous revision was restored (see the reason). */
    ROLLED_BACK;

    /** True for the states a node does not leave for this rollout. */
    public boolean isFinal() {
        return this == ACTIVE || this == FAILED || this == ROLLED_BACK;
    }

    /** True for FAILED and ROLLED_BACK. */
    public boolean isFailure() {
        return this == FAILED || this == ROLLED_BACK;
    }
}
