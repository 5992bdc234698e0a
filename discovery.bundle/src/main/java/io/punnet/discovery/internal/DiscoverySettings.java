package io.punnet.discovery.internal;

import java.util.function.Function;

import io.punnet.discovery.core.InterfaceChoice;
import io.punnet.discovery.core.ServiceType;

/**
 * Discovery's settings, checked: the configuration ({@link DiscoveryConfig}) and the node settings
 * it needs from framework properties.
 *
 * @param interfaces     {@code punnet.discovery.interfaces}
 * @param httpPort       {@code punnet.http.port}, announced so that tools find the REST API (0: unknown)
 * @param serviceType    the DNS-SD type
 * @param pollMs         interface poll interval
 * @param browseMs       browse interval while no other live member is known (and of the checks)
 * @param joinedBrowseMs browse interval once another live member is known
 */
record DiscoverySettings(InterfaceChoice interfaces, int httpPort, String serviceType, long pollMs, long browseMs,
        long joinedBrowseMs) {

    static final String INTERFACES = "punnet.discovery.interfaces";
    static final String HTTP_PORT = "punnet.http.port";
    static final int HTTP_PORT_DEFAULT = 8080;

    /**
     * Reads and checks the settings.
     *
     * @param property a framework property by name (null when unset)
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static DiscoverySettings from(DiscoveryConfig config, Function<String, String> property) {
        InterfaceChoice interfaces;
        try {
            interfaces = InterfaceChoice.parse(property.apply(INTERFACES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INTERFACES + ": " + e.getMessage(), e);
        }
        return new DiscoverySettings(interfaces, httpPort(property.apply(HTTP_PORT)),
                ServiceType.check(config.serviceType()),
                range("interfacePollIntervalInMs", config.interfacePollIntervalInMs(), 500, 600_000),
                range("browseIntervalInMs", config.browseIntervalInMs(), 1_000, 3_600_000),
                range("joinedBrowseIntervalInMs", config.joinedBrowseIntervalInMs(), 1_000, 86_400_000));
    }

    private static int httpPort(String text) {
        if (text == null || text.isBlank()) {
            return HTTP_PORT_DEFAULT;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(HTTP_PORT + " '" + text + "' is not a port (0..65535)");
    }

    private static long range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
