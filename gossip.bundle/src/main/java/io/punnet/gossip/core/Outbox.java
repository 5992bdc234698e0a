package io.punnet.gossip.core;

import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.model.Endpoint;

/** Sends datagrams through the {@link Transport} and counts them. */
final class Outbox {

    private final Transport transport;
    private final GossipCounters counters;

    Outbox(Transport transport, GossipCounters counters) {
        this.transport = transport;
        this.counters = counters;
    }

    void send(Endpoint to, Message message) {
        counters.sent(transport.send(to, message));
    }

    Transport transport() {
        return transport;
    }
}
