package io.punnet.discovery.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a node says about itself in its mDNS TXT record: enough to reach its gossip port, nothing
 * secret. An announcement is only a hint; the node becomes a member after an authenticated gossip
 * exchange (the cluster key), so a forged announcement costs at most a few dropped packets.
 *
 * <p>The TXT keys, all short ASCII (RFC 6763 keeps the whole record small):
 * <ul>
 * <li>{@value #CLUSTER} — the cluster name; nodes of another cluster are ignored;</li>
 * <li>{@value #NODE} — the node name, stable across restarts and address changes;</li>
 * <li>{@value #GOSSIP_PORT} — the gossip port (UDP and TCP);</li>
 * <li>{@value #HTTP_PORT} — the REST/dashboard port (0 when unknown);</li>
 * <li>{@value #VERSION} — the version of this TXT layout and of the discovery contract
 *     ({@link #CURRENT_VERSION}); a reader ignores versions it does not know.</li>
 * </ul>
 *
 * @param cluster    the cluster name
 * @param node       the node name
 * @param gossipPort the gossip port, 1..65535
 * @param httpPort   the HTTP port, 0 (unknown) or 1..65535
 * @param version    the announcement version
 */
public record Announcement(String cluster, String node, int gossipPort, int httpPort, int version) {

    /** TXT key of the cluster name. */
    public static final String CLUSTER = "cluster";
    /** TXT key of the node name. */
    public static final String NODE = "node";
    /** TXT key of the gossip port. */
    public static final String GOSSIP_PORT = "gossip";
    /** TXT key of the HTTP port. */
    public static final String HTTP_PORT = "http";
    /** TXT key of the announcement version. */
    public static final String VERSION = "v";

    /**
     * History (ONLY APPEND): 1 — the keys above; the gossip endpoint is the announcing interface's
     * address (the mDNS A record) and {@value #GOSSIP_PORT}.
     */
    public static final int CURRENT_VERSION = 1;

    public Announcement {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(node, "node");
    }

    /** This node's announcement in the current version. */
    public static Announcement of(String cluster, String node, int gossipPort, int httpPort) {
        return new Announcement(cluster, node, gossipPort, httpPort, CURRENT_VERSION);
    }

    /** The TXT record, in a fixed key order. */
    public Map<String, String> toTxt() {
        Map<String, String> txt = new LinkedHashMap<>();
        txt.put(VERSION, Integer.toString(version));
        txt.put(CLUSTER, cluster);
        txt.put(NODE, node);
        txt.put(GOSSIP_PORT, Integer.toString(gossipPort));
        txt.put(HTTP_PORT, Integer.toString(httpPort));
        return txt;
    }
}
