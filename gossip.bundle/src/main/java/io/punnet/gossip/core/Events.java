package io.punnet.gossip.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.VersionedValue;

/** Turns records into API snapshots and hands cluster events to the sink, in the order applied. */
final class Events {

    private final Consumer<ClusterEvent> sink;
    private final String localName;

    Events(Consumer<ClusterEvent> sink, String localName) {
        this.sink = sink;
        this.localName = localName;
    }

    void joined(MemberRecord r) {
        emit(ClusterEvent.Type.JOINED, r, null, null);
    }

    void restarted(MemberRecord r) {
        emit(ClusterEvent.Type.RESTARTED, r, null, null);
    }

    void statusChanged(MemberRecord r, MemberStatus previous) {
        emit(ClusterEvent.Type.STATUS_CHANGED, r, previous, null);
    }

    void stateChanged(MemberRecord r, String key) {
        emit(ClusterEvent.Type.STATE_CHANGED, r, null, key);
    }

    void removed(MemberRecord r) {
        emit(ClusterEvent.Type.REMOVED, r, null, null);
    }

    private void emit(ClusterEvent.Type type, MemberRecord r, MemberStatus previous, String key) {
        if (sink != null) {
            sink.accept(new ClusterEvent(type, member(r), previous, key));
        }
    }

    Member member(MemberRecord r) {
        EndpointState s = r.state();
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, VersionedValue> e : s.applicationState().entrySet()) {
            values.put(e.getKey(), e.getValue().value());
        }
        return new Member(s.name(), s.endpoint().host(), s.endpoint().port(), s.heartbeat().generation(),
                s.heartbeat().version(), r.status(), values, s.name().equals(localName));
    }
}
