package io.punnet.gossip.core.message;

/**
 * One gossip message. Datagrams (best-effort, at most {@code GossipSettings.maxMessageBytes()}
 * encoded): {@link Syn}, {@link Ack}, {@link Ack2}, {@link Rumor}. Stream (reliable, any size):
 * {@link PushPullRequest}, {@link PushPullResponse}. Protocol 2 adds the compact round between
 * nodes that know the same members ({@link CompactSyn}, {@link CompactAck}) and the digest pull over
 * the stream ({@link DigestPull}).
 *
 * <p>Every field is a string, a number, a flag, a list, a sorted map or another record of
 * {@code core.model}, so the wire codec can write each one exactly.
 */
public sealed interface Message permits Syn, Ack, Ack2, Rumor, PushPullResponse, CompactSyn, CompactAck, StreamRequest {

    /** The wire id. */
    MessageType type();
}
