package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.GossipDigest;

/**
 * The periodic anti-entropy pull over the stream: the sender's digests of every member it knows
 * (protocol 2). The peer answers with a {@link PushPullResponse} holding only what the sender
 * lacks: the values after each digest's state version, and the full state of members the sender
 * did not mention or knows in an older generation. Unlike a {@link PushPullRequest}, which carries
 * every value of every member both ways, an idle cluster's pull costs a few bytes per member.
 * Each node pulls on its own schedule, so the pulls of both sides together repair everything.
 *
 * @param digests one per member the sender knows (itself included), sorted by name
 */
public record DigestPull(List<GossipDigest> digests) implements StreamRequest {

    public DigestPull {
        digests = List.copyOf(digests);
    }

    @Override
    public MessageType type() {
        return MessageType.DIGEST_PULL;
    }
}
