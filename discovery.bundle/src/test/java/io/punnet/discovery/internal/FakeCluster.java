package io.punnet.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

/**
 * A {@link Cluster} that knows itself and the peers a test gives it ({@link #peers}), records the
 * seeds it is given and counts how often it was asked for its members.
 */
final class FakeCluster implements Cluster {

    private final String clusterName;
    private final Member local;
    private final List<String> seeds = new ArrayList<>();
    private final AtomicInteger membersCalls = new AtomicInteger();
    private volatile List<Member> peers = List.of();
    private volatile boolean failing;

    FakeCluster(String clusterName, String nodeName, int gossipPort) {
        this.clusterName = clusterName;
        this.local = new Member(nodeName, "127.0.0.1", gossipPort, 1L, 0L, MemberStatus.ALIVE, Map.of(), true);
    }

    /** The seeds added so far, as "host:port", in order. */
    synchronized List<String> seeds() {
        return List.copyOf(seeds);
    }

    @Override
    public synchronized void addSeed(String host, int port) {
        seeds.add(host + ":" + port);
    }

    @Override
    public String clusterName() {
        return clusterName;
    }

    @Override
    public Member local() {
        return local;
    }

    /** A peer in the given status, for {@link #peers}. */
    static Member peer(String name, MemberStatus status) {
        return new Member(name, "127.0.0.2", 7946, 1L, 0L, status, Map.of(), false);
    }

    /** The other members it knows from now on. */
    void peers(Member... others) {
        peers = List.of(others);
    }

    /** From now on, members() throws as a stopping gossip does. */
    void failing(boolean fail) {
        failing = fail;
    }

    /** How often members() was called. */
    int membersCalls() {
        return membersCalls.get();
    }

    @Override
    public List<Member> members() {
        membersCalls.incrementAndGet();
        if (failing) {
            throw new IllegalStateException("gossip is not running");
        }
        List<Member> all = new ArrayList<>(peers);
        all.add(0, local);
        return all;
    }

    @Override
    public Optional<Member> member(String name) {
        return name.equals(local.name()) ? Optional.of(local) : Optional.empty();
    }

    @Override
    public void setApplicationState(String key, String value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void leave() {
        throw new UnsupportedOperationException();
    }

    @Override
    public GossipStats stats() {
        throw new UnsupportedOperationException();
    }
}
