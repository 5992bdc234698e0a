package io.punnet.gossip.core.model;

import java.util.Objects;

/**
 * Where a node listens for gossip: an IP address literal (or, in the simulator, any name) and a
 * port, used for both the UDP datagrams and the TCP push-pull stream.
 *
 * @param host the address literal, never empty
 * @param port the gossip port, 1..65535
 */
public record Endpoint(String host, int port) implements Comparable<Endpoint> {

    public Endpoint {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1..65535: " + port);
        }
    }

    /** Parses "host:port" or "[v6]:port". */
    public static Endpoint parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("not host:port: '" + text + "'");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new Endpoint(host, Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(Endpoint o) {
        int c = host.compareTo(o.host);
        return c != 0 ? c : Integer.compare(port, o.port);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
