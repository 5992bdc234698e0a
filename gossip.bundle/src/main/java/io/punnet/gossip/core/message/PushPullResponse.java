package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.EndpointState;

/**
 * The answer to a {@link PushPullRequest}: the answering node's whole view (taken after it merged
 * the request).
 *
 * @param states every member the answering node knows that is not reaped, sorted by name
 */
public record PushPullResponse(List<EndpointState> states) implements Message {

    public PushPullResponse {
        states = List.copyOf(states);
    }

    @Override
    public MessageType type() {
        return MessageType.PUSH_PULL_RESPONSE;
    }
}
