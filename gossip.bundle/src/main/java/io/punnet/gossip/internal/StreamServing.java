package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.DropReason;
import io.punnet.gossip.core.wire.PacketCodec;
import io.punnet.gossip.core.wire.Received;

/**
 * Serves one push-pull request of a peer: reads one frame, opens and decodes it (on this stream
 * thread), asks the engine for its answer on the protocol thread, and writes the answer back as one
 * frame. Anything wrong (a frame too big or too slow, a packet that does not authenticate or is not
 * a request) drops the connection and is counted.
 */
final class StreamServing {

    private static final Logger LOG = LoggerFactory.getLogger(StreamServing.class);

    private final PacketCodec codec;
    private final InboundPump pump;
    private final int ioTimeoutMs;
    private final int maxFrameBytes;

    StreamServing(PacketCodec codec, InboundPump pump, int ioTimeoutMs, int maxFrameBytes) {
        this.codec = codec;
        this.pump = pump;
        this.ioTimeoutMs = ioTimeoutMs;
        this.maxFrameBytes = maxFrameBytes;
    }

    void serve(Socket socket) {
        Endpoint from = Addresses.endpointOf((InetSocketAddress) socket.getRemoteSocketAddress());
        try {
            byte[] frame = Frames.read(socket, maxFrameBytes, System.nanoTime() + ioTimeoutMs * 1_000_000L);
            StreamRequest request = request(frame, from);
            if (request == null) {
                return;
            }
            byte[] answer = answer(from, request, frame.length + Frames.PREFIX_BYTES);
            if (answer != null) {
                Frames.write(socket.getOutputStream(), answer);
            }
        } catch (Frames.FrameException e) {
            LOG.debug("push-pull from {} dropped: {}", from, e.getMessage());
            pump.dropped(e.reason());
        } catch (SocketTimeoutException e) {
            LOG.debug("push-pull from {} dropped: {}", from, e.getMessage());
            pump.dropped("timeout");
        } catch (IOException e) {
            LOG.debug("push-pull from {} failed: {}", from, e.toString());
        }
    }

    private StreamRequest request(byte[] frame, Endpoint from) {
        Received received = codec.read(frame, 0, frame.length);
        if (received instanceof Received.Ok ok && ok.message() instanceof StreamRequest request) {
            return request;
        }
        DropReason reason = received instanceof Received.Dropped dropped ? dropped.reason() : DropReason.MALFORMED;
        LOG.debug("push-pull from {} dropped: {}", from, reason);
        pump.dropped(reason.counterName());
        return null;
    }

    /**
     * The engine's answer, sealed, or null if none came in time. The engine answers on the protocol
     * thread; the sealing (a whole cluster state may be hundreds of KB) happens here, on the stream
     * thread, and only the byte count goes back to the protocol thread.
     */
    private byte[] answer(Endpoint from, StreamRequest request, int wireBytes) {
        CompletableFuture<PushPullResponse> answer = new CompletableFuture<>();
        boolean queued = pump.offer(inbound -> {
            try {
                answer.complete(inbound.answer(from, request, wireBytes));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        if (!queued) {
            return null;
        }
        try {
            byte[] sealed = codec.write(answer.get(ioTimeoutMs, TimeUnit.MILLISECONDS));
            pump.control(inbound -> inbound.sent(sealed.length + Frames.PREFIX_BYTES));
            return sealed;
        } catch (ExecutionException e) {
            LOG.warn("no push-pull answer for {}: {}", from, e.getCause().toString());
        } catch (IllegalArgumentException e) {
            LOG.warn("push-pull answer for {} not sent: {}", from, e.getMessage());
        } catch (TimeoutException e) {
            LOG.debug("no push-pull answer for {} within {} ms", from, ioTimeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
