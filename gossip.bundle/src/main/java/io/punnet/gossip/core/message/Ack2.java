package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.EndpointState;

/**
 * The close of a round: the deltas an {@link Ack} asked for. Not sent when empty.
 *
 * @param deltas states newer than the ACK's requests
 */
public record Ack2(List<EndpointState> deltas) implements Message {

    public Ack2 {
        deltas = List.copyOf(deltas);
    }

    @Override
    public MessageType type() {
        return MessageType.ACK2;
    }
}
