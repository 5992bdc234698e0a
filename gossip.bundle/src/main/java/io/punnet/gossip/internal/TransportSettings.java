package io.punnet.gossip.internal;

import java.net.InetAddress;

/**
 * What the real transport needs to know: where to listen and how much to accept.
 *
 * @param bindAddress       the address to bind (and to gossip as this node's host)
 * @param port              the UDP and TCP port; 0 picks a free one (tests)
 * @param maxDatagramBytes  largest sealed datagram sent or accepted (the LAN MTU budget)
 * @param maxFrameBytes     largest sealed push-pull frame sent or accepted
 * @param ioTimeoutMs       connect timeout, and the whole time one frame may take to arrive
 * @param maxConnections    push-pull streams open at once, each way; more are refused
 * @param queueDepth        inbound messages waiting for the protocol thread; more are dropped
 */
record TransportSettings(InetAddress bindAddress, int port, int maxDatagramBytes, int maxFrameBytes,
        int ioTimeoutMs, int maxConnections, int queueDepth) {

    TransportSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0..65535: " + port);
        }
        if (maxDatagramBytes < 576 || maxDatagramBytes > 65_507) {
            throw new IllegalArgumentException("maxDatagramBytes outside 576..65507: " + maxDatagramBytes);
        }
        if (maxFrameBytes < maxDatagramBytes) {
            throw new IllegalArgumentException("maxFrameBytes below maxDatagramBytes: " + maxFrameBytes);
        }
        if (ioTimeoutMs < 1 || maxConnections < 1 || queueDepth < 1) {
            throw new IllegalArgumentException("ioTimeoutMs, maxConnections and queueDepth must be positive");
        }
    }

    /** The same settings on another port (the one actually bound). */
    TransportSettings withPort(int boundPort) {
        return new TransportSettings(bindAddress, boundPort, maxDatagramBytes, maxFrameBytes, ioTimeoutMs,
                maxConnections, queueDepth);
    }
}
