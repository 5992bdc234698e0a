package io.punnet.discovery.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the mDNS bindings from the interfaces present now: one per usable interface (a Pi with
 * Ethernet and Wi-Fi gets two), on its first usable IPv4 address.
 *
 * <p>Skipped always: interfaces that are down or lack the MULTICAST flag (a responder there would
 * send into nothing), and link-local addresses (169.254/16: no DHCP answered, peers there are not
 * on our LAN). Skipped unless named: loopback (announcing 127.0.0.1 to others is useless).
 */
public final class InterfaceSelector {

    private InterfaceSelector() {
    }

    /** The bindings {@code choice} gives on {@code present}, sorted (empty when mDNS is off). */
    public static Set<Binding> select(InterfaceChoice choice, List<InterfaceFacts> present) {
        Set<Binding> bindings = new TreeSet<>();
        if (choice.none()) {
            return bindings;
        }
        for (InterfaceFacts facts : present) {
            boolean named = choice.names().contains(facts.name());
            boolean wanted = choice.everyUsable() ? !facts.loopback() : named;
            if (wanted && facts.up() && facts.multicast()) {
                firstUsableAddress(facts).ifPresent(a -> bindings.add(new Binding(facts.name(), a)));
            }
        }
        return bindings;
    }

    private static Optional<String> firstUsableAddress(InterfaceFacts facts) {
        return facts.addresses().stream().filter(Ipv4::isPeerAddress).findFirst();
    }
}
