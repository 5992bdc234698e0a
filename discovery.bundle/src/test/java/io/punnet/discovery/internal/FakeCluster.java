package io.punnet.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;

/** A {@link Cluster} that only knows itself and records the seeds it is given. */
final class FakeCluster implements Cluster {

    private final String clusterName;
    private final Member local;
    private final List<String> seeds = new ArrayList<>();

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

    @Override
    public List<Member> members() {
        return List.of(local);
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
