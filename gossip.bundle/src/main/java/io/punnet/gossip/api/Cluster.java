package io.punnet.gossip.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The cluster as this node sees it, and this node's voice in it. Provided by the gossip bundle.
 *
 * <p>Thread safety: every method may be called from any thread; reads return immutable snapshots
 * and never block on the network.
 */
@ProviderType
public interface Cluster {

    /** Longest application-state key, in characters ({@code [a-z0-9][a-z0-9._-]*}). */
    int MAX_KEY_LENGTH = 64;

    /** Largest application-state value, in UTF-8 bytes. */
    int MAX_VALUE_BYTES = 1024;

    /** Largest total of one node's application state (keys and values), in UTF-8 bytes. */
    int MAX_STATE_BYTES = 16 * 1024;

    /** The cluster name; nodes of other clusters are ignored. */
    String clusterName();

    /** This node, as it is gossiped now. */
    Member local();

    /** Every member known, this node included, in any status (dead and left ones until reaped). */
    List<Member> members();

    /** One member by name. */
    Optional<Member> member(String name);

    /**
     * Publishes (or replaces) one value of this node's application state; it reaches every live
     * node by gossip. Setting the value already published is a no-op.
     *
     * @throws IllegalArgumentException if the key is not a valid key, the value is larger than
     *         {@link #MAX_VALUE_BYTES}, or the state would grow beyond {@link #MAX_STATE_BYTES};
     *         the message says which
     */
    void setApplicationState(String key, String value);

    /**
     * A hint that a node of this cluster may listen at {@code host:port} (from discovery or from
     * configuration). It becomes a member only after an authenticated exchange.
     */
    void addSeed(String host, int port);

    /** Announces a graceful leave to the cluster (done on a clean stop, too). */
    void leave();

    /** The protocol counters of this node. */
    GossipStats stats();
}
