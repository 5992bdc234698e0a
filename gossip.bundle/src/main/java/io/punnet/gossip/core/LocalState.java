package io.punnet.gossip.core;

import java.util.Map;

import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * This node's own gossiped state: its heartbeat, bumped once per round, and its application state,
 * where every change takes the next state version. The {@link MemberTable} holds the current
 * {@link EndpointState}; this class only computes the next one.
 */
final class LocalState {

    private final MemberTable table;
    private long stateVersion;

    LocalState(MemberTable table) {
        this.table = table;
        this.stateVersion = table.local().stateVersion();
    }

    EndpointState state() {
        return table.local().state();
    }

    long stateVersion() {
        return stateVersion;
    }

    /** Bumps the heartbeat (once per round, and to refute a verdict on this node). */
    void beat(long nowNanos) {
        EndpointState s = state();
        table.updateLocal(s.withHeartbeat(s.heartbeat().next()), nowNanos);
    }

    /**
     * Publishes one value (bounds already checked for user keys).
     *
     * @return false if the value was already published (no-op)
     */
    boolean put(String key, String value, long nowNanos) {
        EndpointState s = state();
        if (value.equals(s.value(key))) {
            return false;
        }
        StateBounds.checkTotal(s.applicationState(), key, value);
        stateVersion++;
        table.updateLocal(s.withValues(Map.of(key, new VersionedValue(value, stateVersion))), nowNanos);
        return true;
    }
}
