package io.punnet.gossip.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.core.Inbound;
import io.punnet.gossip.core.Transport;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.Envelope;
import io.punnet.gossip.core.wire.KeyRing;
import io.punnet.gossip.core.wire.PacketCodec;

/**
 * The engine's {@link Transport} on real sockets: UDP datagrams through a {@link DatagramLink} and
 * TCP push-pull through a {@link StreamLink}, both on one address and port, both sealed with the
 * cluster key ring and cluster name. Inbound work reaches the engine through an {@link InboundPump}
 * on the {@link ProtocolThread}.
 *
 * <p>Life cycle: {@link #open} binds both sockets (so a port in use fails activation at once, with
 * the port in the message); {@link #start} connects the engine and starts the threads;
 * {@link #close} stops them and releases the sockets.
 */
final class NetworkTransport implements Transport, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkTransport.class);
    private static final int BIND_ATTEMPTS = 5;

    private final PacketCodec datagrams;
    private final InboundPump pump;
    private final DatagramLink udp;
    private final StreamLink tcp;
    private final Endpoint local;

    private NetworkTransport(PacketCodec datagrams, InboundPump pump, DatagramLink udp, StreamLink tcp, Endpoint local) {
        this.datagrams = datagrams;
        this.pump = pump;
        this.udp = udp;
        this.tcp = tcp;
        this.local = local;
    }

    /**
     * Binds UDP and then TCP on the same port (with port 0, the port UDP got).
     *
     * @throws IOException if either cannot be bound; nothing stays open then
     */
    static NetworkTransport open(TransportSettings settings, KeyRing keys, String clusterName, RandomGenerator nonces,
            ProtocolThread protocolThread, String threadPrefix) throws IOException {
        PacketCodec datagrams = new PacketCodec(new Envelope(keys, clusterName, nonces, settings.maxDatagramBytes()));
        PacketCodec frames = new PacketCodec(new Envelope(keys, clusterName, nonces, settings.maxFrameBytes()));
        InboundPump pump = new InboundPump(settings.queueDepth(), protocolThread);
        // with port 0, UDP picks a free port that TCP may find taken: then try another (a few times)
        int attempts = settings.port() == 0 ? BIND_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            DatagramLink udp = bindUdp(settings, datagrams, pump, threadPrefix);
            int port = udp.port();
            try {
                StreamLink tcp = new StreamLink(settings, port, frames, pump, threadPrefix);
                Endpoint local = new Endpoint(settings.bindAddress().getHostAddress(), port);
                return new NetworkTransport(datagrams, pump, udp, tcp, local);
            } catch (IOException | RuntimeException e) {
                udp.close();
                if (attempt >= attempts) {
                    throw new IOException("cannot listen for gossip on TCP " + settings.bindAddress().getHostAddress()
                            + ":" + port + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static DatagramLink bindUdp(TransportSettings settings, PacketCodec datagrams, InboundPump pump,
            String threadPrefix) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(settings.bindAddress(), settings.port());
        try {
            return new DatagramLink(bind, datagrams, pump, threadPrefix + "-udp");
        } catch (IOException e) {
            throw new IOException("cannot listen for gossip on UDP " + settings.bindAddress().getHostAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** Connects the engine and starts receiving. */
    void start(Inbound inbound) {
        pump.start(inbound);
        udp.start();
        tcp.start();
    }

    @Override
    public Endpoint localEndpoint() {
        return local;
    }

    @Override
    public int send(Endpoint to, Message message) {
        byte[] packet;
        try {
            packet = datagrams.write(message);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} to {} not sent: {}", message.type(), to, e.getMessage());
            return 0;
        }
        try {
            return udp.send(Addresses.resolve(to), packet);
        } catch (UnknownHostException e) {
            LOG.debug("datagram to {} not sent: unknown host", to);
            return 0;
        }
    }

    @Override
    public void pushPull(Endpoint to, StreamRequest request) {
        tcp.pushPull(to, request, pump);
    }

    /** Inbound messages waiting for the protocol thread now. */
    int queued() {
        return pump.depth();
    }

    /** Stops receiving and closes both sockets; waits for this transport's threads to end. */
    @Override
    public void close() {
        tcp.close();
        udp.close();
    }
}
