package io.punnet.gossip.core.message;

import java.util.List;

import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;

/**
 * The answer to a {@link Syn}: what the answering node lacks (digests of its own, older knowledge:
 * "send me what is newer than this") and what it has newer than the SYN's sender (deltas).
 *
 * @param requests digests of the receiver's knowledge for the members it wants
 * @param deltas   states newer than the SYN's digests
 */
public record Ack(List<GossipDigest> requests, List<EndpointState> deltas) implements Message {

    public Ack {
        requests = List.copyOf(requests);
        deltas = List.copyOf(deltas);
    }

    @Override
    public MessageType type() {
        return MessageType.ACK;
    }
}
