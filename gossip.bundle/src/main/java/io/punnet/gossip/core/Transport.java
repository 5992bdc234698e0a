package io.punnet.gossip.core;

import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.model.Endpoint;

/**
 * How the engine reaches other nodes. Two channels with different guarantees (as memberlist's
 * transport):
 * <ul>
 * <li><b>Datagrams</b> ({@link #send}): best effort. A datagram may be lost, duplicated, delayed or
 * reordered; it arrives whole or not at all. The engine keeps each one within its byte budget
 * (see {@link io.punnet.gossip.core.message.MessageSize}); the transport encrypts, authenticates and
 * delivers what arrives to {@link Inbound#receive}. Unauthenticated or malformed packets are dropped
 * and reported with {@link Inbound#dropped}, never thrown.</li>
 * <li><b>Stream push-pull</b> ({@link #pushPull}): reliable or failed. The request reaches the peer
 * whole, and its answer comes back whole, through {@link Inbound#receive} with a
 * {@link io.punnet.gossip.core.message.PushPullResponse}; or the exchange fails (refused, timed out,
 * broken) and {@link Inbound#pushPullFailed} says so. Exactly one of the two happens, later, on the
 * protocol thread. The peer answers through {@link Inbound#answer}.</li>
 * </ul>
 * Every call of the engine into the transport is made on the protocol thread; the transport must
 * not call back into the engine from inside a call (it schedules the callback instead).
 */
public interface Transport {

    /** The endpoint this node listens at (what it gossips as its own). */
    Endpoint localEndpoint();

    /**
     * Sends one datagram, best effort.
     *
     * @return the bytes put on the wire for it (after encryption, with IP/UDP headers), or 0 if it
     *         could not be sent at all (an unresolvable address, a closed socket)
     */
    int send(Endpoint to, Message message);

    /** Starts a reliable exchange (a full-state push-pull or a digest pull) with {@code to}; the outcome arrives later. */
    void pushPull(Endpoint to, StreamRequest request);
}
