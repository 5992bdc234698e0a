package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * Every member this node knows (itself included), sorted by name, and the Scuttlebutt merge rule:
 * a higher generation replaces a member's state; within a generation the newer heartbeat wins and
 * each value is taken if its version is higher. Recently reaped members stay quarantined, so that a
 * stale copy gossiped by a slower peer does not bring them back.
 */
final class MemberTable {

    /** The reserved key in which a node publishes its current suspects. */
    static final String SUSPECTS_KEY = "gossip.suspects";
    /** The reserved key in which a node announces its graceful leave. */
    static final String STATUS_KEY = "gossip.status";
    static final String LEFT_VALUE = "left";
    /** The reserved key in which a node announces the highest gossip protocol it speaks. */
    static final String PROTOCOL_KEY = "gossip.protocol";
    /** The protocol this code speaks: 2 adds the compact round and the digest pull. */
    static final int PROTOCOL = 2;

    private final String localName;
    private final Map<String, MemberRecord> records = new TreeMap<>();
    private final Map<String, Tombstone> tombstones = new TreeMap<>();
    private final Map<String, java.util.SortedMap<String, Long>> suspectedBy = new java.util.HashMap<>();
    private final PeerSet livePeers = new PeerSet();
    private final PeerSet deadPeers = new PeerSet();
    private List<MemberRecord> ordered;
    private View view;

    private record Tombstone(HeartbeatState heartbeat, long untilNanos) {
    }

    MemberTable(EndpointState local, long nowNanos) {
        this.localName = local.name();
        records.put(localName, new MemberRecord(local, MemberStatus.ALIVE, nowNanos));
    }

    MemberRecord local() {
        return records.get(localName);
    }

    String localName() {
        return localName;
    }

    MemberRecord get(String name) {
        return records.get(name);
    }

    Collection<MemberRecord> all() {
        return records.values();
    }

    /** Every record in name order, as an indexable list (cached until a member is added or removed). */
    List<MemberRecord> ordered() {
        if (ordered == null) {
            ordered = List.copyOf(records.values());
        }
        return ordered;
    }

    /** The members as a compact round names them (cached until a member is added, reaped or restarts). */
    View view() {
        if (view == null) {
            view = new View(ordered(), localName);
        }
        return view;
    }

    /** True if the member announces protocol 2 or later, so compact messages may go to it. */
    static boolean speaksCompact(MemberRecord r) {
        String v = r.state().value(PROTOCOL_KEY);
        if (v == null) {
            return false;
        }
        try {
            return Integer.parseInt(v) >= PROTOCOL;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    int size() {
        return records.size();
    }

    /** Live members other than this node (in no meaningful order; for random picks and scans). */
    List<MemberRecord> livePeers() {
        return livePeers;
    }

    /** DEAD members (not LEFT). */
    List<MemberRecord> deadPeers() {
        return deadPeers;
    }

    /** Sets a member's status and keeps the peer sets in step; returns the previous status. */
    MemberStatus setStatus(MemberRecord r, MemberStatus status, long nowNanos) {
        MemberStatus previous = r.status(status, nowNanos);
        if (previous != status && !r.name().equals(localName)) {
            file(r);
        }
        return previous;
    }

    private void file(MemberRecord r) {
        livePeers.exclude(r);
        deadPeers.exclude(r);
        if (r.status().isLive()) {
            livePeers.include(r);
        } else if (r.status() == MemberStatus.DEAD) {
            deadPeers.include(r);
        }
    }

    /** Who publishes {@code name} as a suspect, and since when (local time); a live view. */
    java.util.SortedMap<String, Long> suspectedBy(String name) {
        java.util.SortedMap<String, Long> by = suspectedBy.get(name);
        return by == null ? java.util.Collections.emptySortedMap() : by;
    }

    /**
     * Merges one incoming state.
     *
     * @param baseStateVersion the version the incoming values follow; when this node holds less of
     *                         the member, the values would leave a hole and only the heartbeat is
     *                         taken (0 for a full state or a requested delta)
     */
    MergeResult merge(EndpointState in, long baseStateVersion, long nowNanos) {
        String name = in.name();
        if (name.equals(localName)) {
            return MergeResult.SELF;
        }
        MemberRecord rec = records.get(name);
        if (rec == null) {
            if (quarantined(in, nowNanos)) {
                return MergeResult.QUARANTINED;
            }
            EndpointState admitted = baseStateVersion == 0 ? in : withoutValues(in);
            rec = new MemberRecord(admitted, statusOf(admitted), nowNanos);
            records.put(name, rec);
            ordered = null;
            view = null;
            file(rec);
            indexSuspects(rec, nowNanos);
            return new MergeResult(MergeResult.Kind.NEW, rec, true, List.copyOf(admitted.applicationState().keySet()));
        }
        long known = rec.generation();
        long incoming = in.heartbeat().generation();
        if (incoming < known) {
            return MergeResult.STALE;
        }
        if (incoming > known) {
            EndpointState admitted = baseStateVersion == 0 ? in : withoutValues(in);
            rec.state(admitted);
            rec.heard(nowNanos);
            rec.knownSince(nowNanos);
            view = null;
            indexSuspects(rec, nowNanos);
            return new MergeResult(MergeResult.Kind.RESTARTED, rec, true,
                    List.copyOf(admitted.applicationState().keySet()));
        }
        return mergeSameGeneration(rec, in, baseStateVersion, nowNanos);
    }

    /**
     * Takes the heartbeat a digest carries: a digest is proof that its sender learned that heartbeat,
     * so within the same generation a higher version is a newer heartbeat, learned without the state
     * (its values travel as deltas, checked by their own version). A digest of an unknown member or
     * of a newer generation teaches nothing here: the full state is requested instead.
     */
    MergeResult learnHeartbeat(GossipDigest d, long nowNanos) {
        if (d.name().equals(localName)) {
            return MergeResult.SELF;
        }
        MemberRecord rec = records.get(d.name());
        if (rec == null || d.generation() != rec.generation()) {
            return MergeResult.STALE;
        }
        return learnHeartbeat(rec, d.heartbeat(), nowNanos);
    }

    /** Takes a newer heartbeat of a known member in its current generation (from a compact entry). */
    MergeResult learnHeartbeat(MemberRecord rec, long heartbeat, long nowNanos) {
        if (rec.name().equals(localName)) {
            return MergeResult.SELF;
        }
        if (heartbeat <= rec.heartbeat()) {
            return MergeResult.STALE;
        }
        EndpointState cur = rec.state();
        rec.state(cur.withHeartbeat(new HeartbeatState(cur.heartbeat().generation(), heartbeat)));
        rec.heard(nowNanos);
        return new MergeResult(MergeResult.Kind.UPDATED, rec, true, List.of());
    }

    private MergeResult mergeSameGeneration(MemberRecord rec, EndpointState in, long base, long nowNanos) {
        EndpointState cur = rec.state();
        boolean hbNewer = in.heartbeat().version() > cur.heartbeat().version();
        List<String> changed = List.of();
        Map<String, VersionedValue> taken = null;
        if (base <= rec.stateVersion() && !in.applicationState().isEmpty()) {
            for (Map.Entry<String, VersionedValue> e : in.applicationState().entrySet()) {
                VersionedValue mine = cur.applicationState().get(e.getKey());
                if (mine == null || e.getValue().version() > mine.version()) {
                    if (taken == null) {
                        taken = new TreeMap<>();
                    }
                    taken.put(e.getKey(), e.getValue());
                }
            }
        }
        if (!hbNewer && taken == null) {
            return new MergeResult(MergeResult.Kind.NONE, rec, false, List.of());
        }
        EndpointState next = cur;
        if (hbNewer) {
            next = new EndpointState(cur.name(), in.endpoint(), in.heartbeat(), cur.applicationState());
            rec.heard(nowNanos);
        }
        if (taken != null) {
            next = next.withValues(taken);
            changed = List.copyOf(taken.keySet());
        }
        rec.state(next);
        if (taken != null && taken.containsKey(SUSPECTS_KEY)) {
            indexSuspects(rec, nowNanos);
        }
        return new MergeResult(MergeResult.Kind.UPDATED, rec, hbNewer, changed);
    }

    /** LEFT if the state announces a leave, otherwise ALIVE. */
    static MemberStatus statusOf(EndpointState s) {
        return LEFT_VALUE.equals(s.value(STATUS_KEY)) ? MemberStatus.LEFT : MemberStatus.ALIVE;
    }

    private static EndpointState withoutValues(EndpointState in) {
        return EndpointState.of(in.name(), in.endpoint(), in.heartbeat());
    }

    /** Replaces this node's own state (its heartbeat or values changed). */
    void updateLocal(EndpointState s, long nowNanos) {
        MemberRecord rec = local();
        boolean suspectsChanged = !java.util.Objects.equals(rec.state().value(SUSPECTS_KEY), s.value(SUSPECTS_KEY));
        rec.state(s);
        rec.heard(nowNanos);
        if (suspectsChanged) {
            indexSuspects(rec, nowNanos);
        }
    }

    /** Re-reads one member's published suspects and updates the "suspected by" index. */
    private void indexSuspects(MemberRecord rec, long nowNanos) {
        java.util.Set<String> now = parseSuspects(rec.state().value(SUSPECTS_KEY));
        unindex(rec, now);
        for (String s : now) {
            suspectedBy.computeIfAbsent(s, k -> new TreeMap<>()).putIfAbsent(rec.name(), nowNanos);
        }
        rec.suspects(now);
    }

    private void unindex(MemberRecord rec, java.util.Set<String> keep) {
        for (String old : rec.suspects()) {
            if (!keep.contains(old)) {
                java.util.SortedMap<String, Long> by = suspectedBy.get(old);
                if (by != null) {
                    by.remove(rec.name());
                    if (by.isEmpty()) {
                        suspectedBy.remove(old);
                    }
                }
            }
        }
    }

    static java.util.Set<String> parseSuspects(String value) {
        if (value == null || value.isEmpty()) {
            return java.util.Collections.emptySet();
        }
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String n : value.split(",")) {
            if (!n.isBlank()) {
                names.add(n.trim());
            }
        }
        return names;
    }

    /** Removes members DEAD or LEFT for longer than {@code delayNanos}; returns them. */
    List<MemberRecord> reap(long nowNanos, long delayNanos) {
        List<MemberRecord> reaped = new ArrayList<>();
        Iterator<MemberRecord> it = records.values().iterator();
        while (it.hasNext()) {
            MemberRecord r = it.next();
            if (!r.status().isLive() && nowNanos - r.statusSinceNanos() >= delayNanos) {
                it.remove();
                deadPeers.exclude(r);
                unindex(r, java.util.Collections.emptySet());
                r.suspects(java.util.Collections.emptySet());
                tombstones.put(r.name(), new Tombstone(r.state().heartbeat(), nowNanos + delayNanos));
                reaped.add(r);
            }
        }
        if (!reaped.isEmpty()) {
            ordered = null;
            view = null;
        }
        tombstones.values().removeIf(t -> t.untilNanos() <= nowNanos);
        return reaped;
    }

    private boolean quarantined(EndpointState in, long nowNanos) {
        Tombstone t = tombstones.get(in.name());
        if (t == null || t.untilNanos() <= nowNanos) {
            return false;
        }
        return !in.heartbeat().isNewerThan(t.heartbeat());
    }
}
