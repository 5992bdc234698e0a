package io.punnet.gossip.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

/**
 * A cluster in memory for the unit tests of bundles that use the gossip API: members with
 * application state, and a queue of what this node set. Shipped in the gossip bundle's test jar.
 */
public final class FakeCluster implements Cluster {

    public final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    private final Map<String, Member> members = new HashMap<>();
    public volatile Consumer<String> onSet = value -> { };

    public FakeCluster() {
        put(member("local", Map.of(), true));
    }

    public static Member member(String name, Map<String, String> state, boolean local) {
        return new Member(name, "127.0.0.1", 7946, 1, 1, MemberStatus.ALIVE, state, local);
    }

    public synchronized void put(Member member) {
        members.put(member.name(), member);
    }

    public synchronized void remove(String name) {
        members.remove(name);
    }

    @Override
    public String clusterName() {
        return "punnet";
    }

    @Override
    public synchronized Member local() {
        return members.get("local");
    }

    @Override
    public synchronized List<Member> members() {
        return new ArrayList<>(members.values());
    }

    @Override
    public synchronized Optional<Member> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    @Override
    public void setApplicationState(String key, String value) {
        onSet.accept(value);
        synchronized (this) {
            Map<String, String> state = new HashMap<>(local().applicationState());
            state.put(key, value);
            put(member("local", state, true));
        }
        published.add(key + "=" + value);
    }

    @Override
    public void addSeed(String host, int port) {
    }

    @Override
    public void leave() {
    }

    @Override
    public GossipStats stats() {
        return new GossipStats(0, 0, 0, 0, 0, Map.of(), 0);
    }
}
