package io.punnet.gossip.internal;

import static io.punnet.gossip.internal.RecordingInbound.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;
import io.punnet.gossip.core.model.HeartbeatState;
import io.punnet.gossip.core.wire.KeyRing;

/** The transport on real sockets of 127.0.0.1, against a recording engine stand-in. */
class NetworkTransportTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[16]);
    static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int index = toClose.size() - 1; index >= 0; index--) {
            toClose.get(index).close();
        }
    }

    static TransportSettings settings(int maxConnections, int queueDepth) {
        return new TransportSettings(LOOPBACK, 0, 1400, 64 * 1024, 2_000, maxConnections, queueDepth);
    }

    private record Node(ProtocolThread protocol, NetworkTransport transport, RecordingInbound inbound) {
    }

    private Node node(String key, String cluster, TransportSettings settings, PushPullResponse answer) throws IOException {
        ProtocolThread protocol = new ProtocolThread("test-protocol");
        NetworkTransport transport = NetworkTransport.open(settings, KeyRing.parse(key), cluster, new SecureRandom(),
                protocol, "test");
        RecordingInbound inbound = new RecordingInbound(protocol, answer);
        transport.start(inbound);
        toClose.add(protocol);
        toClose.add(transport);
        return new Node(protocol, transport, inbound);
    }

    private Node node(String key) throws IOException {
        return node(key, "punnet", settings(4, 64), new PushPullResponse(List.of(state("b"))));
    }

    static EndpointState state(String name) {
        return EndpointState.of(name, new Endpoint("127.0.0.1", 7946), new HeartbeatState(1_700_000_000_000L, 5));
    }

    static Syn syn() {
        return new Syn(List.of(new GossipDigest("a", 1_700_000_000_000L, 3, 0)), false);
    }

    @Test
    void aDatagramArrivesWholeOnTheProtocolThread() throws IOException {
        Node a = node(KEY);
        Node b = node(KEY);
        int wire = a.transport.send(b.transport.localEndpoint(), syn());
        assertTrue(eventually(5_000, () -> b.inbound.received.size() == 1));
        RecordingInbound.Arrival arrival = b.inbound.received.get(0);
        assertEquals(syn(), arrival.message());
        assertEquals(a.transport.localEndpoint(), arrival.from());
        assertEquals(arrival.wireBytes() + 28, wire, "send counts IPv4 and UDP headers");
        assertEquals(0, b.inbound.offThread.get());
    }

    @Test
    void theLocalEndpointIsTheBoundAddressAndPort() throws IOException {
        Node a = node(KEY);
        Endpoint local = a.transport.localEndpoint();
        assertEquals("127.0.0.1", local.host());
        assertTrue(local.port() > 0);
    }

    @Test
    void packetsOfAnotherKeyOrClusterAreCountedNotDelivered() throws IOException {
        Node b = node(KEY);
        Node wrongKey = node(OTHER_KEY);
        Node wrongCluster = node(KEY, "other", settings(4, 64), new PushPullResponse(List.of()));
        wrongKey.transport.send(b.transport.localEndpoint(), syn());
        wrongCluster.transport.send(b.transport.localEndpoint(), syn());
        assertTrue(eventually(5_000, () -> b.inbound.drops("unknown-key") == 1 && b.inbound.drops("auth") == 1),
                () -> "drops: " + b.inbound.drops);
        assertEquals(0, b.inbound.received.size());
    }

    @Test
    void junkDatagramsAreCountedByReason() throws IOException {
        Node b = node(KEY);
        InetSocketAddress target = new InetSocketAddress(LOOPBACK, b.transport.localEndpoint().port());
        try (DatagramSocket socket = new DatagramSocket(0, LOOPBACK)) {
            socket.send(new DatagramPacket(new byte[5], 5, target));
            socket.send(new DatagramPacket(new byte[40], 40, target));
            socket.send(new DatagramPacket(new byte[1401], 1401, target));
        }
        assertTrue(eventually(5_000, () -> b.inbound.drops("too-short") == 1 && b.inbound.drops("bad-magic") == 1
                && b.inbound.drops("too-big") == 1), () -> "drops: " + b.inbound.drops);
    }

    @Test
    void aPushPullGetsTheAnswerOfThePeer() throws IOException {
        Node a = node(KEY);
        Node b = node(KEY);
        PushPullRequest request = new PushPullRequest(List.of(state("a")), true);
        a.protocol.execute(() -> a.transport.pushPull(b.transport.localEndpoint(), request));
        assertTrue(eventually(5_000, () -> a.inbound.received.size() == 1));
        assertEquals(List.of(request), b.inbound.answered);
        assertEquals(new PushPullResponse(List.of(state("b"))), a.inbound.received.get(0).message());
        assertTrue(a.inbound.sentBytes.get() > 0 && b.inbound.sentBytes.get() > 0);
        assertEquals(List.of(), a.inbound.failures);
        assertEquals(0, a.inbound.offThread.get() + b.inbound.offThread.get());
    }

    @Test
    void aPushPullToNobodyFailsOnce() throws IOException {
        Node a = node(KEY);
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        Endpoint nobody = new Endpoint("127.0.0.1", closedPort);
        a.protocol.execute(() -> a.transport.pushPull(nobody, new PushPullRequest(List.of(), true)));
        assertTrue(eventually(5_000, () -> a.inbound.failures.size() == 1));
        assertEquals(List.of("refused"), a.inbound.failures);
        assertEquals(0, a.inbound.received.size());
    }

    @Test
    void aPushPullWithAPeerOfAnotherKeyFailsAndIsCounted() throws IOException {
        Node a = node(KEY);
        Node b = node(OTHER_KEY);
        a.protocol.execute(() -> a.transport.pushPull(b.transport.localEndpoint(), new PushPullRequest(List.of(), true)));
        assertTrue(eventually(5_000, () -> a.inbound.failures.size() == 1));
        assertTrue(eventually(5_000, () -> b.inbound.drops("unknown-key") == 1), () -> "drops: " + b.inbound.drops);
        assertEquals(0, b.inbound.answered.size());
    }

    @Test
    void anOversizedFrameIsRefusedBeforeItIsRead() throws IOException {
        Node b = node(KEY);
        try (Socket socket = new Socket(LOOPBACK, b.transport.localEndpoint().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(4).putInt(64 * 1024 + 1).array());
            out.flush();
            assertEquals(-1, socket.getInputStream().read(), "the server closes the stream");
        }
        assertTrue(eventually(5_000, () -> b.inbound.drops("too-big") == 1), () -> "drops: " + b.inbound.drops);
    }

    @Test
    void aSilentStreamIsCutAfterTheTimeout() throws IOException {
        Node b = node(KEY, "punnet", new TransportSettings(LOOPBACK, 0, 1400, 64 * 1024, 200, 4, 64),
                new PushPullResponse(List.of()));
        long start = System.nanoTime();
        try (Socket socket = new Socket(LOOPBACK, b.transport.localEndpoint().port())) {
            socket.setSoTimeout(5_000);
            assertEquals(-1, socket.getInputStream().read(), "the server gives up and closes");
        }
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs >= 150 && tookMs < 4_000, "closed after " + tookMs + " ms");
        assertTrue(eventually(5_000, () -> b.inbound.drops("timeout") == 1), () -> "drops: " + b.inbound.drops);
    }

    @Test
    void streamsBeyondTheLimitAreRefusedAndCounted() throws IOException {
        Node b = node(KEY, "punnet", settings(1, 64), new PushPullResponse(List.of()));
        try (Socket first = new Socket(LOOPBACK, b.transport.localEndpoint().port())) {
            assertTrue(first.isConnected(), "the first stream holds the only permit while it waits for a frame");
            try (Socket second = new Socket(LOOPBACK, b.transport.localEndpoint().port())) {
                second.setSoTimeout(5_000);
                assertEquals(-1, second.getInputStream().read(), "the second stream is closed at once");
            }
            assertTrue(eventually(5_000, () -> b.inbound.drops("overflow") == 1), () -> "drops: " + b.inbound.drops);
        }
    }

    @Test
    void closingReleasesTheThreadsAndBothPorts() throws Exception {
        Node a = node(KEY);
        int port = a.transport.localEndpoint().port();
        a.transport.close();
        a.protocol.close();
        assertTrue(eventually(5_000, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("test-") && !t.getName().equals("test-protocol"))),
                () -> "threads left: " + Thread.getAllStackTraces().keySet());
        assertTrue(a.protocol.isTerminated());
        try (DatagramSocket udp = new DatagramSocket(port, LOOPBACK); ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(LOOPBACK, port));
            assertEquals(port, udp.getLocalPort());
            assertEquals(port, tcp.getLocalPort());
        }
    }
}
