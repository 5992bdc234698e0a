package io.punnet.gossip.core;

import java.util.Map;

import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * This node's own gossiped state: its heartbeat, bumped once per round, and its application state,
 * where every change takes the next state version. The {@link MemberTable} holds the current
 * {@link EndpointState}; this class only computes the next one.
 *
 * <p>The heartbeat version keeps pace with the clock: each beat takes the next version, or one more
 * than the number of whole round intervals since this node started if that is more (the first
 * round's beat is version 1). After this node was
 * paused (a long GC, a starved Pi) or its rounds ran late, the version jumps to where the clock
 * says it should be, so a peer can tell how late the next version is from the version alone
 * ({@link io.punnet.gossip.api.Liveness#heartbeat(String, long, long, long)}), and the expectation
 * it learned before the pause still holds after it.
 */
final class LocalState {

    private final MemberTable table;
    private final long startNanos;
    private final long roundIntervalNanos;
    private long stateVersion;

    LocalState(MemberTable table, long startNanos, long roundIntervalNanos) {
        this.table = table;
        this.startNanos = startNanos;
        this.roundIntervalNanos = roundIntervalNanos;
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
        long byClock = 1 + Math.max(0, nowNanos - startNanos) / roundIntervalNanos;
        long version = Math.max(s.heartbeat().version() + 1, byClock);
        table.updateLocal(s.withHeartbeat(new HeartbeatState(s.heartbeat().generation(), version)), nowNanos);
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
