package io.punnet.discovery.core;

/**
 * One mDNS responder to run: an interface and the IPv4 address on it to announce and listen at.
 * A new address on the same interface is a different binding (the old responder stops, a new one
 * starts), since an mDNS responder announces exactly one address.
 *
 * @param interfaceName the interface name
 * @param address       an IPv4 literal of that interface
 */
public record Binding(String interfaceName, String address) implements Comparable<Binding> {

    @Override
    public int compareTo(Binding other) {
        int byName = interfaceName.compareTo(other.interfaceName);
        return byName != 0 ? byName : address.compareTo(other.address);
    }

    @Override
    public String toString() {
        return interfaceName + "/" + address;
    }
}
