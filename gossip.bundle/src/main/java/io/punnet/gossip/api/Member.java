package io.punnet.gossip.api;

import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of one member as this node knows it.
 *
 * @param name             the node name, stable across restarts and address changes
 * @param host             the IP address literal of its gossip endpoint
 * @param gossipPort       its gossip port (UDP and TCP)
 * @param generation       the member's boot time in milliseconds since the epoch; a restart gives
 *                         a higher generation, which supersedes everything known of the old one
 * @param heartbeat        the heartbeat version within the generation; it grows every gossip round
 * @param status           the status this node gives the member
 * @param applicationState the member's application state (key to value), unmodifiable
 * @param local            true for the node this snapshot was taken on
 */
public record Member(String name, String host, int gossipPort, long generation, long heartbeat,
        MemberStatus status, Map<String, String> applicationState, boolean local) {

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        applicationState = Map.copyOf(applicationState);
    }

    /** The "host:port" form of the gossip endpoint, as the original REST routes print it. */
    public String gossipEndpoint() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + gossipPort : host + ":" + gossipPort;
    }

    /** The value of one application-state key, or null when the member has not published it. */
    public String state(String key) {
        return applicationState.get(key);
    }
}
