package io.punnet.gossip.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything gossiped about one node: its name, its gossip endpoint, its heartbeat and its
 * application state. The same record carries a full state (a join, a push-pull) or a delta (only
 * the values newer than some version, as in an ACK).
 *
 * <p>Invariant kept by every sender: the values of a delta are all the owner's values with a version
 * above the version asked for, or a prefix of them in version order, never a set with a hole, so the
 * receiver's highest version keeps meaning "everything up to here".
 *
 * @param name             the node's name, stable across restarts
 * @param endpoint         where it listens
 * @param heartbeat        its generation and heartbeat version
 * @param applicationState key to value, sorted by key, unmodifiable
 */
public record EndpointState(String name, Endpoint endpoint, HeartbeatState heartbeat,
        SortedMap<String, VersionedValue> applicationState) {

    /** The class of the unmodifiable sorted views this record holds. */
    private static final Class<?> FROZEN = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

    /**
     * Copies the values into an unmodifiable sorted map, unless they already are such a view (as when
     * one state is derived from another: a heartbeat bump happens every round for every member, and
     * must not copy the values each time). Callers must not keep mutating a map they wrapped so.
     */
    public EndpointState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (applicationState.getClass() != FROZEN || applicationState.comparator() != null) {
            applicationState = Collections.unmodifiableSortedMap(new TreeMap<>(applicationState));
        }
    }

    /** A state with no application values. */
    public static EndpointState of(String name, Endpoint endpoint, HeartbeatState heartbeat) {
        return new EndpointState(name, endpoint, heartbeat, Collections.emptySortedMap());
    }

    /** The highest application-state version held (0 when there is none). */
    public long stateVersion() {
        long max = 0;
        for (VersionedValue v : applicationState.values()) {
            max = Math.max(max, v.version());
        }
        return max;
    }

    /** The digest of this state. */
    public GossipDigest digest() {
        return new GossipDigest(name, heartbeat.generation(), heartbeat.version(), stateVersion());
    }

    /** The value of one key, or null. */
    public String value(String key) {
        VersionedValue v = applicationState.get(key);
        return v == null ? null : v.value();
    }

    /** This state with another heartbeat. */
    public EndpointState withHeartbeat(HeartbeatState newHeartbeat) {
        return new EndpointState(name, endpoint, newHeartbeat, applicationState);
    }

    /** This state with the given values put over the current ones. */
    public EndpointState withValues(Map<String, VersionedValue> values) {
        TreeMap<String, VersionedValue> merged = new TreeMap<>(applicationState);
        merged.putAll(values);
        return new EndpointState(name, endpoint, heartbeat, merged);
    }

    /** The delta holding only the values with a version above {@code stateVersion}. */
    public EndpointState deltaAfter(long stateVersion) {
        TreeMap<String, VersionedValue> newer = new TreeMap<>();
        applicationState.forEach((k, v) -> {
            if (v.version() > stateVersion) {
                newer.put(k, v);
            }
        });
        return new EndpointState(name, endpoint, heartbeat, newer);
    }
}
