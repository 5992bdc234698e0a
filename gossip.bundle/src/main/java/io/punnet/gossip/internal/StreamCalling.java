package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.DropReason;
import io.punnet.gossip.core.wire.PacketCodec;
import io.punnet.gossip.core.wire.Received;

/**
 * One push-pull this node starts: connect, send the request as one frame, read the answer as one
 * frame, and report exactly one outcome to the engine on the protocol thread: the response through
 * {@code receive}, or the failure through {@code pushPullFailed}.
 */
final class StreamCalling {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCalling.class);

    private final PacketCodec codec;
    private final InboundPump pump;
    private final int ioTimeoutMs;
    private final int maxFrameBytes;

    StreamCalling(PacketCodec codec, InboundPump pump, int ioTimeoutMs, int maxFrameBytes) {
        this.codec = codec;
        this.pump = pump;
        this.ioTimeoutMs = ioTimeoutMs;
        this.maxFrameBytes = maxFrameBytes;
    }

    void call(Socket socket, Endpoint to, StreamRequest request) {
        String failure;
        try {
            byte[] sealed = codec.write(request);
            long deadline = System.nanoTime() + ioTimeoutMs * 1_000_000L;
            socket.connect(Addresses.resolve(to), ioTimeoutMs);
            Frames.write(socket.getOutputStream(), sealed);
            pump.control(inbound -> inbound.sent(sealed.length + Frames.PREFIX_BYTES));
            byte[] frame = Frames.read(socket, maxFrameBytes, deadline);
            failure = deliver(to, frame);
        } catch (Frames.FrameException e) {
            pump.dropped(e.reason());
            failure = fail(to, e.reason(), e);
        } catch (IllegalArgumentException e) {
            failure = fail(to, "too-big", e);
        } catch (ConnectException e) {
            failure = fail(to, "refused", e);
        } catch (SocketTimeoutException e) {
            failure = fail(to, "timeout", e);
        } catch (UnknownHostException e) {
            failure = fail(to, "unknown-host", e);
        } catch (IOException e) {
            failure = fail(to, "io", e);
        }
        if (failure != null) {
            String reason = failure;
            pump.control(inbound -> inbound.pushPullFailed(to, reason));
        }
    }

    /** Logs a failure and returns its short, stable reason (the engine counts by it). */
    private static String fail(Endpoint to, String reason, Exception e) {
        LOG.debug("push-pull with {} failed ({}): {}", to, reason, e.toString());
        return reason;
    }

    /** Hands a good response to the engine; otherwise says what was wrong with it. */
    private String deliver(Endpoint to, byte[] frame) {
        Received received = codec.read(frame, 0, frame.length);
        if (received instanceof Received.Ok ok && ok.message() instanceof PushPullResponse response) {
            int wireBytes = frame.length + Frames.PREFIX_BYTES;
            pump.control(inbound -> inbound.receive(to, response, wireBytes));
            return null;
        }
        if (received instanceof Received.Dropped dropped) {
            LOG.debug("push-pull answer of {} dropped: {}", to, dropped.reason());
            pump.dropped(dropped.reason().counterName());
            return dropped.reason().counterName();
        }
        LOG.debug("push-pull answer of {} is not a push-pull response", to);
        pump.dropped(DropReason.MALFORMED.counterName());
        return DropReason.MALFORMED.counterName();
    }
}
