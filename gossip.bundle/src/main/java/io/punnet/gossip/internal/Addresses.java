package io.punnet.gossip.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import io.punnet.gossip.core.model.Endpoint;

/** Conversions between the engine's {@link Endpoint} and socket addresses. */
final class Addresses {

    /** IPv4 header (20) and UDP header (8): what a datagram costs beyond its payload. */
    static final int IPV4_UDP_HEADER_BYTES = 28;
    /** IPv6 header (40) and UDP header (8). */
    static final int IPV6_UDP_HEADER_BYTES = 48;

    private Addresses() {
    }

    private static final Pattern IPV4_LITERAL =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[A-Za-z0-9_.-]+)?");

    /**
     * The socket address of {@code endpoint}, whose host must be an address literal: this runs on
     * the protocol and stream threads, which must never wait for DNS. Names are resolved where
     * they enter (configuration, {@code addSeed}) by {@link #resolveName}.
     */
    static InetSocketAddress resolve(Endpoint endpoint) throws UnknownHostException {
        if (!isLiteral(endpoint.host())) {
            throw new UnknownHostException("not an address literal: " + endpoint.host());
        }
        return new InetSocketAddress(InetAddress.getByName(endpoint.host()), endpoint.port());
    }

    /**
     * Whether {@code host} has the form of an IPv4 or IPv6 literal, which {@link InetAddress#getByName}
     * parses (or refuses) without asking DNS.
     */
    static boolean isLiteral(String host) {
        return IPV4_LITERAL.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches();
    }

    /** The endpoint of {@code host:port} with the host as an address literal; may ask DNS. */
    static Endpoint resolveName(String host, int port) throws UnknownHostException {
        String literal = isLiteral(host) ? host : InetAddress.getByName(host).getHostAddress();
        return new Endpoint(literal, port);
    }

    /** The endpoint a packet came from. */
    static Endpoint endpointOf(InetSocketAddress address) {
        return new Endpoint(address.getAddress().getHostAddress(), address.getPort());
    }

    /** A datagram's size on the wire, headers included. */
    static int onTheWire(InetSocketAddress to, int payloadBytes) {
        return payloadBytes + (to.getAddress() instanceof Inet6Address ? IPV6_UDP_HEADER_BYTES : IPV4_UDP_HEADER_BYTES);
    }
}
