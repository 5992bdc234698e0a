package io.punnet.discovery.core;

import java.util.List;
import java.util.Objects;

/**
 * One network interface as the operating system reports it at one moment (read by the internal
 * layer from {@code java.net.NetworkInterface}, so that the choice below stays pure and testable).
 *
 * @param name      the interface name, e.g. {@code eth0}, {@code wlan0}
 * @param up        whether it is up
 * @param loopback  whether it is a loopback interface
 * @param multicast whether it supports multicast (the MULTICAST flag)
 * @param addresses its IPv4 address literals, in the order the system lists them
 */
public record InterfaceFacts(String name, boolean up, boolean loopback, boolean multicast, List<String> addresses) {

    public InterfaceFacts {
        Objects.requireNonNull(name, "name");
        addresses = List.copyOf(addresses);
    }
}
