package io.punnet.gossip.core;

import java.util.Collections;
import java.util.Set;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.api.Suspicion;
import io.punnet.gossip.core.model.EndpointState;

/**
 * What this node keeps about one member: the gossiped state and the local view of it (status, when
 * it was last heard, who suspects it). Mutable, owned by the {@link MemberTable}, touched only on
 * the protocol thread.
 */
final class MemberRecord {

    private EndpointState state;
    private long stateVersion;
    private MemberStatus status;
    private long statusSinceNanos;
    private long lastHeardNanos;
    private long knownSinceNanos;
    /** The members this one publishes as its suspects (its gossip.suspects value). */
    private Set<String> suspects = Collections.emptySet();
    private Suspicion lastSuspicion;

    MemberRecord(EndpointState state, MemberStatus status, long nowNanos) {
        this.state = state;
        this.stateVersion = state.stateVersion();
        this.status = status;
        this.statusSinceNanos = nowNanos;
        this.lastHeardNanos = nowNanos;
        this.knownSinceNanos = nowNanos;
    }

    /** When this node first learned of the member (or of its current generation). */
    long knownSinceNanos() {
        return knownSinceNanos;
    }

    void knownSince(long nowNanos) {
        knownSinceNanos = nowNanos;
    }

    String name() {
        return state.name();
    }

    EndpointState state() {
        return state;
    }

    void state(EndpointState newState) {
        this.state = newState;
        this.stateVersion = newState.stateVersion();
    }

    /** The digest of the member's state, without recounting its values. */
    io.punnet.gossip.core.model.GossipDigest digest() {
        return new io.punnet.gossip.core.model.GossipDigest(state.name(), state.heartbeat().generation(),
                state.heartbeat().version(), stateVersion);
    }

    long stateVersion() {
        return stateVersion;
    }

    long generation() {
        return state.heartbeat().generation();
    }

    long heartbeat() {
        return state.heartbeat().version();
    }

    MemberStatus status() {
        return status;
    }

    /** Sets the status (through {@link MemberTable#setStatus}); returns the previous one. */
    MemberStatus status(MemberStatus newStatus, long nowNanos) {
        MemberStatus old = status;
        if (old != newStatus) {
            status = newStatus;
            statusSinceNanos = nowNanos;
        }
        return old;
    }

    long statusSinceNanos() {
        return statusSinceNanos;
    }

    /** Restarts the clock of the current status (after a pause of this node). */
    void restartStatusClock(long nowNanos) {
        statusSinceNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    Set<String> suspects() {
        return suspects;
    }

    void suspects(Set<String> names) {
        suspects = names;
    }

    Suspicion lastSuspicion() {
        return lastSuspicion;
    }

    void lastSuspicion(Suspicion s) {
        lastSuspicion = s;
    }

}
