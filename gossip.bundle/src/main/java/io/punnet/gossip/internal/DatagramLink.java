package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.wire.PacketCodec;
import io.punnet.gossip.core.wire.Received;

/**
 * The UDP side of the transport: one {@link DatagramChannel} that sends sealed datagrams and a
 * receiver thread that opens and decodes what arrives, then hands the message to the
 * {@link InboundPump}. Decryption and decoding happen here, off the protocol thread, so a flood of
 * junk costs this thread and not the rounds.
 *
 * <p>The receive buffer is one byte larger than the largest accepted datagram, so an oversized one
 * is seen as such (and counted "too-big") instead of being silently cut.
 */
final class DatagramLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramLink.class);
    private static final int SOCKET_BUFFER_BYTES = 256 * 1024;

    private final DatagramChannel channel;
    private final PacketCodec codec;
    private final InboundPump pump;
    private final Thread receiver;

    /** Binds the channel; the receiver starts with {@link #start()}. */
    DatagramLink(InetSocketAddress bind, PacketCodec codec, InboundPump pump, String threadName) throws IOException {
        this.codec = codec;
        this.pump = pump;
        this.channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
            channel.bind(bind);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.receiver = new Thread(this::receiveLoop, threadName);
        this.receiver.setDaemon(true);
    }

    /** The bound port. */
    int port() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    void start() {
        receiver.start();
    }

    /**
     * Sends one sealed datagram.
     *
     * @return its size on the wire with headers, or 0 if it could not be sent
     */
    int send(InetSocketAddress to, byte[] packet) {
        try {
            channel.send(ByteBuffer.wrap(packet), to);
            return Addresses.onTheWire(to, packet.length);
        } catch (IOException e) {
            LOG.debug("datagram to {} not sent: {}", to, e.toString());
            return 0;
        }
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(codec.maxPacketBytes() + 1);
        while (channel.isOpen()) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                LOG.debug("datagram receive failed: {}", e.toString());
                continue;
            }
            deliver(from, buffer.array(), buffer.position());
        }
    }

    private void deliver(InetSocketAddress from, byte[] bytes, int length) {
        Received received = codec.read(bytes, 0, length);
        if (received instanceof Received.Ok ok) {
            pump.offer(inbound -> inbound.receive(Addresses.endpointOf(from), ok.message(), ok.wireBytes()));
        } else {
            Received.Dropped dropped = (Received.Dropped) received;
            LOG.debug("datagram from {} dropped: {} {}", from, dropped.reason(), dropped.detail());
            pump.dropped(dropped.reason().counterName());
        }
    }

    /** Closes the channel and waits for the receiver to end. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the datagram channel: {}", e.toString());
        }
        Threads.join(receiver);
    }
}
