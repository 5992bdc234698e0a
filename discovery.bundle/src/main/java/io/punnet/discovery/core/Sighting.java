package io.punnet.discovery.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resolved mDNS service as it came off the network, before any judgement: the interface it was
 * heard on, its TXT record, and the IPv4 addresses of its A records (dotted-quad literals).
 *
 * @param interfaceName the local interface the answer arrived on
 * @param txt           the TXT record, key to value
 * @param addresses     the service's IPv4 address literals
 */
public record Sighting(String interfaceName, Map<String, String> txt, List<String> addresses) {

    public Sighting {
        Objects.requireNonNull(interfaceName, "interfaceName");
        txt = Map.copyOf(txt);
        addresses = List.copyOf(addresses);
    }
}
