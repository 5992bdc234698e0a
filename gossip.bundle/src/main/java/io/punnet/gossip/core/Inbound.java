package io.punnet.gossip.core;

import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;

/**
 * What a {@link Transport} calls on the engine, always on the protocol thread (see
 * {@link Scheduler}).
 */
public interface Inbound {

    /**
     * A datagram (or a push-pull response) arrived from {@code from}.
     *
     * @param wireBytes its size on the wire, for the counters
     */
    void receive(Endpoint from, Message message, int wireBytes);

    /**
     * A peer's stream request arrived: a push-pull (merge it, answer with this node's view) or a digest
     * pull (answer with what the peer lacks).
     *
     * @param wireBytes its size on the wire, for the counters
     */
    PushPullResponse answer(Endpoint from, StreamRequest request, int wireBytes);

    /** A push-pull this node started with {@code to} failed. */
    void pushPullFailed(Endpoint to, String reason);

    /** A packet was dropped before it became a message (for example "auth", "malformed"). */
    void dropped(String reason);

    /** Records bytes the transport put on the wire outside {@link Transport#send} (a stream answer). */
    void sent(int wireBytes);
}
