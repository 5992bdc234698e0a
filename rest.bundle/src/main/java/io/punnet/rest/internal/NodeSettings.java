package io.punnet.rest.internal;

import org.osgi.framework.BundleContext;

/**
 * The node-level settings the REST API reads from framework properties (filled by the launcher
 * from {@code conf/punnet.properties} and {@code PUNNET_*} variables).
 *
 * @param nodeName     {@code punnet.node.name}
 * @param httpPort     {@code punnet.http.port}, else {@code org.osgi.service.http.port}, else 8080
 * @param token        {@code punnet.api.token}; blank: no change is accepted
 * @param openNetworks {@code punnet.rest.open.networks}
 */
record NodeSettings(String nodeName, int httpPort, String token, OpenNetworks openNetworks) {

    static final int HTTP_PORT_DEFAULT = 8080;

    static NodeSettings from(BundleContext context) {
        String port = first(context.getProperty("punnet.http.port"), context.getProperty("org.osgi.service.http.port"));
        int httpPort;
        try {
            httpPort = port == null ? HTTP_PORT_DEFAULT : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("punnet.http.port is not a port number: " + port, e);
        }
        String name = first(context.getProperty("punnet.node.name"), "punnet");
        String token = first(context.getProperty("punnet.api.token"), "");
        return new NodeSettings(name, httpPort, token, OpenNetworks.parse(context.getProperty("punnet.rest.open.networks")));
    }

    private static String first(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
