package io.punnet.gossip.core.model;

import java.util.Objects;

/**
 * What a node knows of one member, in a few bytes: the SYN of a round is a list of these. The peer
 * compares each with its own knowledge and answers with what is newer on its side (deltas) and what
 * it lacks (requests, as digests of its own knowledge).
 *
 * @param name         the member's name
 * @param generation   the member's generation known here
 * @param heartbeat    the highest heartbeat version known here
 * @param stateVersion the highest application-state version known here (0: none)
 */
public record GossipDigest(String name, long generation, long heartbeat, long stateVersion) {

    public GossipDigest {
        Objects.requireNonNull(name, "name");
        if (generation < 0 || heartbeat < 0 || stateVersion < 0) {
            throw new IllegalArgumentException("negative digest field for " + name);
        }
    }
}
