package io.punnet.gossip.core.message;

/**
 * A message that opens a reliable exchange over the stream (see
 * {@link io.punnet.gossip.core.Transport#pushPull}); the peer answers with a
 * {@link PushPullResponse}.
 */
public sealed interface StreamRequest extends Message permits PushPullRequest, DigestPull {
}
