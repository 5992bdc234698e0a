package io.punnet.gossip.core.message;

import java.util.Objects;

import io.punnet.gossip.core.model.EndpointState;

/**
 * Membership news pushed at once to a few random peers, which push it on when it is news to them
 * (rumor mongering, Demers et al.). Anti-entropy rounds repair whatever a rumor misses.
 *
 * @param kind             what is announced
 * @param subject          the member's state: its heartbeat, and the values with a version above
 *                         {@code baseStateVersion} (a prefix of them in version order)
 * @param baseStateVersion the state version the values follow: a receiver holding less would get a
 *                         hole, so it takes the heartbeat but leaves the values to anti-entropy
 */
public record Rumor(RumorKind kind, EndpointState subject, long baseStateVersion) implements Message {

    public Rumor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (baseStateVersion < 0) {
            throw new IllegalArgumentException("negative base version");
        }
    }

    @Override
    public MessageType type() {
        return MessageType.RUMOR;
    }
}
