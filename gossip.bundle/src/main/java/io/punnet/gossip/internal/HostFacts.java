package io.punnet.gossip.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Optional;

/**
 * What this machine says about itself, for the defaults of the node settings. An interface so the
 * defaults can be tested without the machine's real name and interfaces.
 */
interface HostFacts {

    /** The host name, if the machine knows one. */
    Optional<String> hostName();

    /** The first site-local (private) IPv4 address of an interface that is up, if any. */
    Optional<InetAddress> firstSiteLocalIpv4();

    /** The facts of the machine this JVM runs on. */
    static HostFacts system() {
        return new HostFacts() {
            @Override
            public Optional<String> hostName() {
                try {
                    return Optional.of(InetAddress.getLocalHost().getHostName());
                } catch (UnknownHostException e) {
                    return Optional.empty();
                }
            }

            @Override
            public Optional<InetAddress> firstSiteLocalIpv4() {
                try {
                    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                        if (!nic.isUp() || nic.isLoopback()) {
                            continue;
                        }
                        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                            if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                                return Optional.of(address);
                            }
                        }
                    }
                } catch (SocketException e) {
                    return Optional.empty();
                }
                return Optional.empty();
            }
        };
    }
}
