package io.punnet.launcher;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What the defaults depend on: the host name, the local addresses, the user's home. */
interface HostFacts {

    String hostName();

    /** Every IPv4 address of an interface that is up, loopback included, in interface order. */
    List<InetAddress> localAddresses();

    Path userHome();

    /** The first site-local IPv4 address (a LAN address), if any. */
    default Optional<String> firstSiteLocalAddress() {
        return localAddresses().stream().filter(InetAddress::isSiteLocalAddress).map(InetAddress::getHostAddress)
                .findFirst();
    }

    /** The facts of the machine this JVM runs on. */
    static HostFacts system() {
        return new HostFacts() {
            @Override
            public String hostName() {
                String env = System.getenv("HOSTNAME");
                if (env != null && !env.isBlank()) {
                    return env.trim();
                }
                try {
                    // /etc/hostname avoids a DNS lookup that can hang on a Pi with no network yet
                    return Files.readString(Path.of("/etc/hostname")).trim();
                } catch (IOException e) {
                    try {
                        return InetAddress.getLocalHost().getHostName();
                    } catch (IOException again) {
                        return "punnet";
                    }
                }
            }

            @Override
            public List<InetAddress> localAddresses() {
                List<InetAddress> result = new ArrayList<>();
                try {
                    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                        if (nif.isUp()) {
                            Collections.list(nif.getInetAddresses()).stream()
                                    .filter(Inet4Address.class::isInstance).forEach(result::add);
                        }
                    }
                } catch (SocketException e) {
                    // no interfaces readable: the defaults fall back to loopback
                }
                return result;
            }

            @Override
            public Path userHome() {
                return Path.of(System.getProperty("user.home"));
            }
        };
    }
}
