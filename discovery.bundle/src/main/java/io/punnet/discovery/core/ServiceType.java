package io.punnet.discovery.core;

import java.util.regex.Pattern;

/**
 * The DNS-SD service type Punnet nodes announce and browse, e.g. {@code _punnet._udp.local.}
 * (RFC 6763: an underscore label of at most 15 characters, the transport, the domain). Gossip
 * speaks UDP first, so {@code _udp}; a separate type (say {@code _punnet-lab._udp.local.}) keeps a
 * test cluster out of sight of the production one even before the cluster name is compared.
 */
public final class ServiceType {

    /** The default type. */
    public static final String DEFAULT = "_punnet._udp.local.";
    private static final Pattern TYPE = Pattern.compile("_[a-z0-9](?:[a-z0-9-]{0,13}[a-z0-9])?\\._(udp|tcp)\\.local\\.");

    private ServiceType() {
    }

    /**
     * Checks a configured type.
     *
     * @return the type
     * @throws IllegalArgumentException saying what a type looks like
     */
    public static String check(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("service type '" + type + "' must look like _name._udp.local. "
                    + "(name: 1-15 of a-z 0-9 -, not starting or ending with -)");
        }
        return type;
    }
}
