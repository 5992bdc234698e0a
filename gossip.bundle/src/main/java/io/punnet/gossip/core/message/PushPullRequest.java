package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.EndpointState;

/**
 * A full state exchange over the reliable stream: the sender's whole view. Used to join (to a seed)
 * and every push-pull interval with one random peer, which repairs anything a datagram budget left
 * behind.
 *
 * @param states every member the sender knows that is not reaped, sorted by name
 * @param join   true when the sender is joining (it knows no live peer yet)
 */
public record PushPullRequest(List<EndpointState> states, boolean join) implements StreamRequest {

    public PushPullRequest {
        states = List.copyOf(states);
    }

    @Override
    public MessageType type() {
        return MessageType.PUSH_PULL_REQUEST;
    }
}
