package io.punnet.rest.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

/** A cluster view set by hand; {@link #stopped} makes every call throw as a stopping gossip does. */
public final class FakeCluster implements Cluster {

    private final Map<String, Member> members = new LinkedHashMap<>();
    private final String localName;
    public GossipStats stats = new GossipStats(0, 0, 0, 0, 0, Map.of(), 0);
    public boolean stopped;
    public final List<String> published = new ArrayList<>();

    public FakeCluster(String localName, String host, int port) {
        this.localName = localName;
        members.put(localName, new Member(localName, host, port, 1000, 1, MemberStatus.ALIVE, Map.of(), true));
    }

    /** Adds or replaces a remote member. */
    public FakeCluster with(String name, String host, int port, MemberStatus status, Map<String, String> state) {
        members.put(name, new Member(name, host, port, 2000, 7, status, state, false));
        return this;
    }

    private void check() {
        if (stopped) {
            throw new IllegalStateException("gossip is not running");
        }
    }

    @Override
    public String clusterName() {
        check();
        return "test";
    }

    @Override
    public Member local() {
        check();
        return members.get(localName);
    }

    @Override
    public List<Member> members() {
        check();
        return List.copyOf(members.values());
    }

    @Override
    public Optional<Member> member(String name) {
        check();
        return Optional.ofNullable(members.get(name));
    }

    @Override
    public void setApplicationState(String key, String value) {
        check();
        published.add(key + "=" + value);
        Member local = members.get(localName);
        Map<String, String> state = new HashMap<>(local.applicationState());
        state.put(key, value);
        members.put(localName, new Member(local.name(), local.host(), local.gossipPort(), local.generation(),
                local.heartbeat(), local.status(), state, true));
    }

    @Override
    public void addSeed(String host, int port) {
    }

    @Override
    public void leave() {
    }

    @Override
    public GossipStats stats() {
        check();
        return stats;
    }
}
