package io.punnet.monitoring.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The health of every node, answered from memory: the monitoring bundle of each node gossips its
 * samples, and this service keeps the latest one of every member, this node included.
 *
 * <p>Thread safety: every method may be called from any thread; results are immutable snapshots.
 * Methods never block on the network.
 */
@ProviderType
public interface ClusterMetrics {

    /** The latest reading of one node; empty if the node is unknown or has published none. */
    Optional<MetricsReading> of(String node);

    /**
     * The latest reading of every member that has published one, by node name. Members are listed
     * in any status until gossip reaps them; ask {@code Cluster.member(name)} for the status, and
     * read a large {@link MetricsReading#ageMillis()} as "no news from that node".
     */
    Map<String, MetricsReading> all();
}
