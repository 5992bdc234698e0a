package io.punnet.deploy.core;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.punnet.deploy.api.NodeState;

/**
 * The legal moves of one rollout on one node:
 *
 * <pre>
 *   PENDING ──► FETCHING ──► INSTALLED ──► ACTIVE
 *   PENDING ──► ACTIVE                      (the node already runs the jar)
 *   PENDING, FETCHING, INSTALLED ──► FAILED ──► ROLLED_BACK
 * </pre>
 *
 * A node reports every move by gossip; an illegal move is a bug of the agent and is refused here
 * rather than gossiped.
 */
public final class RolloutMachine {

    private static final Map<NodeState, Set<NodeState>> NEXT = Map.of(
            NodeState.PENDING, EnumSet.of(NodeState.FETCHING, NodeState.ACTIVE, NodeState.FAILED),
            NodeState.FETCHING, EnumSet.of(NodeState.INSTALLED, NodeState.FAILED),
            NodeState.INSTALLED, EnumSet.of(NodeState.ACTIVE, NodeState.FAILED),
            NodeState.FAILED, EnumSet.of(NodeState.ROLLED_BACK),
            NodeState.ACTIVE, EnumSet.noneOf(NodeState.class),
            NodeState.ROLLED_BACK, EnumSet.noneOf(NodeState.class));

    private NodeReport current;

    /** A rollout of this entry, starting PENDING. */
    public RolloutMachine(DesiredEntry entry) {
        this.current = new NodeReport(entry.rolloutId(), entry.version(), entry.symbolicName(), NodeState.PENDING, "");
    }

    /** Whether {@code from → to} is a legal move. */
    public static boolean allowed(NodeState from, NodeState to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Moves to the next state.
     *
     * @throws IllegalStateException when the move is not legal
     */
    public NodeReport move(NodeState next, String reason) {
        if (!allowed(current.state(), next)) {
            throw new IllegalStateException("illegal rollout move " + current.state() + " -> " + next);
        }
        current = current.to(next, reason);
        return current;
    }

    /** Where the rollout stands. */
    public NodeReport current() {
        return current;
    }
}
