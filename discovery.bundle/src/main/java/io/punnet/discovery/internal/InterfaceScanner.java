package io.punnet.discovery.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import io.punnet.discovery.core.InterfaceFacts;

/**
 * Reads the machine's interfaces into {@link InterfaceFacts}, the plain records the pure choice in
 * {@code core} works on. An interface that vanishes while it is being read is left out; a failure
 * of the whole listing gives an empty list (the next poll tries again).
 */
final class InterfaceScanner {

    private InterfaceScanner() {
    }

    /** The interfaces present now. */
    static List<InterfaceFacts> scan() {
        List<InterfaceFacts> result = new ArrayList<>();
        Enumeration<NetworkInterface> all;
        try {
            all = NetworkInterface.getNetworkInterfaces();
        } catch (SocketException e) {
            return result;
        }
        if (all == null) {
            return result;
        }
        while (all.hasMoreElements()) {
            NetworkInterface ni = all.nextElement();
            try {
                result.add(new InterfaceFacts(ni.getName(), ni.isUp(), ni.isLoopback(), ni.supportsMulticast(),
                        ipv4(ni)));
            } catch (SocketException e) {
                // it went away while we looked: the next poll sees the truth
            }
        }
        return result;
    }

    private static List<String> ipv4(NetworkInterface ni) {
        List<String> addresses = new ArrayList<>();
        Enumeration<InetAddress> all = ni.getInetAddresses();
        while (all.hasMoreElements()) {
            InetAddress a = all.nextElement();
            if (a instanceof Inet4Address) {
                addresses.add(a.getHostAddress());
            }
        }
        return addresses;
    }
}
