package io.punnet.gossip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.wire.KeyRing;

/**
 * Who this node is and where it listens, from the framework properties the launcher fills (see
 * {@code conf/} and the environment overrides). Every setting but the cluster key has a default that
 * works on a LAN:
 *
 * <ul>
 * <li>{@code punnet.node.name}: the host name, lower-cased, characters outside
 *     {@code [a-z0-9._-]} replaced by '-';</li>
 * <li>{@code punnet.bind.address}: the first site-local IPv4 address, else the loopback address;</li>
 * <li>{@code punnet.gossip.port}: 7946 (UDP and TCP);</li>
 * <li>{@code punnet.seeds}: none; comma-separated {@code host[:port]};</li>
 * <li>{@code punnet.cluster.name}: "punnet";</li>
 * <li>{@code punnet.cluster.key}: required; comma-separated base64 AES keys, the first sends.</li>
 * </ul>
 *
 * @param nodeName    this node's name in the cluster
 * @param bindAddress the address to listen at, gossiped as this node's host
 * @param port        the gossip port (0: any free one, for tests)
 * @param seeds       where to look for the cluster (host names or address literals)
 * @param clusterName the cluster name
 * @param keys        the cluster keys
 */
record NodeSettings(String nodeName, InetAddress bindAddress, int port, List<Endpoint> seeds, String clusterName,
        KeyRing keys) {

    static final String NODE_NAME = "punnet.node.name";
    static final String BIND_ADDRESS = "punnet.bind.address";
    static final String GOSSIP_PORT = "punnet.gossip.port";
    static final String SEEDS = "punnet.seeds";
    static final String CLUSTER_NAME = "punnet.cluster.name";
    static final String CLUSTER_KEY = "punnet.cluster.key";

    static final int GOSSIP_PORT_DEFAULT = 7946;
    static final String CLUSTER_NAME_DEFAULT = "punnet";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    NodeSettings {
        seeds = List.copyOf(seeds);
    }

    /**
     * Reads the settings.
     *
     * @param property a framework property by name (null when unset)
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    static NodeSettings from(Function<String, String> property, HostFacts host) {
        String key = trimmed(property.apply(CLUSTER_KEY));
        if (key == null) {
            throw new IllegalArgumentException(CLUSTER_KEY + " is not set: gossip needs the cluster key "
                    + "(comma-separated base64 AES keys; the launcher generates one at install)");
        }
        KeyRing keys;
        try {
            keys = KeyRing.parse(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CLUSTER_KEY + ": " + e.getMessage(), e);
        }
        int port = port(property.apply(GOSSIP_PORT));
        return new NodeSettings(nodeName(property.apply(NODE_NAME), host), bindAddress(property.apply(BIND_ADDRESS), host),
                port, seeds(property.apply(SEEDS), port), clusterName(property.apply(CLUSTER_NAME)), keys);
    }

    private static String nodeName(String configured, HostFacts host) {
        String name = trimmed(configured);
        if (name == null) {
            String sanitized = sanitize(host.hostName().orElse("punnet"));
            return sanitized.isEmpty() ? "punnet" : sanitized;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(NODE_NAME + " '" + name
                    + "' must match [a-z0-9][a-z0-9._-]* and be at most 64 characters");
        }
        return name;
    }

    /** A host name as a node name: lower case, other characters as '-', at most 64, leading ones dropped. */
    static String sanitize(String hostName) {
        String lower = hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceFirst("^[._-]+", "");
        return lower.length() > 64 ? lower.substring(0, 64) : lower;
    }

    private static InetAddress bindAddress(String configured, HostFacts host) {
        String address = trimmed(configured);
        if (address == null) {
            return host.firstSiteLocalIpv4().orElse(InetAddress.getLoopbackAddress());
        }
        if (!Addresses.isLiteral(address)) {
            throw new IllegalArgumentException(BIND_ADDRESS + " '" + address + "' must be an IP address literal");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(BIND_ADDRESS + " '" + address + "' is not an IP address", e);
        }
        if (parsed.isAnyLocalAddress()) {
            throw new IllegalArgumentException(BIND_ADDRESS + " '" + address + "' is the wildcard address; "
                    + "give the address other nodes reach this one at");
        }
        return parsed;
    }

    private static int port(String configured) {
        String text = trimmed(configured);
        if (text == null) {
            return GOSSIP_PORT_DEFAULT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(GOSSIP_PORT + " '" + text + "' is not a port (0..65535)");
    }

    /** The seeds as written (names are resolved when the node starts, see {@link GossipRuntime}). */
    private static List<Endpoint> seeds(String configured, int ownPort) {
        String text = trimmed(configured);
        List<Endpoint> seeds = new ArrayList<>();
        if (text == null) {
            return seeds;
        }
        for (String part : text.split(",")) {
            String seed = part.trim();
            if (seed.isEmpty()) {
                continue;
            }
            seeds.add(seed(seed, ownPort));
        }
        return seeds;
    }

    private static Endpoint seed(String seed, int ownPort) {
        int defaultPort = ownPort == 0 ? GOSSIP_PORT_DEFAULT : ownPort;
        boolean hasPort = seed.startsWith("[") ? seed.contains("]:") : seed.indexOf(':') == seed.lastIndexOf(':')
                && seed.indexOf(':') > 0;
        try {
            return hasPort ? Endpoint.parse(seed) : new Endpoint(seed.replaceAll("^\\[|\\]$", ""), defaultPort);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SEEDS + ": '" + seed + "' is not host[:port]: " + e.getMessage(), e);
        }
    }

    private static String clusterName(String configured) {
        String name = trimmed(configured);
        return name == null ? CLUSTER_NAME_DEFAULT : name;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
