package io.punnet.gossip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.model.Endpoint;

class NodeSettingsTest {

    private static final String KEY = NetworkTransportTest.KEY;

    private final Map<String, String> properties = new HashMap<>(Map.of(NodeSettings.CLUSTER_KEY, KEY));

    private static HostFacts host(String name, String siteLocal) {
        return new HostFacts() {
            @Override
            public Optional<String> hostName() {
                return Optional.ofNullable(name);
            }

            @Override
            public Optional<InetAddress> firstSiteLocalIpv4() {
                try {
                    return siteLocal == null ? Optional.empty() : Optional.of(InetAddress.getByName(siteLocal));
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
        };
    }

    private NodeSettings read(HostFacts host) {
        return NodeSettings.from(properties::get, host);
    }

    @Test
    void onlyTheKeyIsNeededEverythingElseHasADefault() {
        NodeSettings settings = read(host("Pi-Kitchen", "192.168.1.23"));
        assertEquals("pi-kitchen", settings.nodeName());
        assertEquals("192.168.1.23", settings.bindAddress().getHostAddress());
        assertEquals(7946, settings.port());
        assertEquals(List.of(), settings.seeds());
        assertEquals("punnet", settings.clusterName());
        assertEquals(1, settings.keys().keys().size());
    }

    @Test
    void withoutASiteLocalAddressTheNodeBindsLoopback() {
        assertTrue(read(host("pi", null)).bindAddress().isLoopbackAddress());
    }

    @Test
    void aMissingKeyIsOneClearError() {
        properties.remove(NodeSettings.CLUSTER_KEY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(host("pi", null)));
        assertTrue(e.getMessage().startsWith("punnet.cluster.key is not set"), e.getMessage());
    }

    @Test
    void aBadKeyNamesTheProperty() {
        properties.put(NodeSettings.CLUSTER_KEY, "dG9vIHNob3J0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(host("pi", null)));
        assertTrue(e.getMessage().startsWith("punnet.cluster.key: cluster key 1 of 1"), e.getMessage());
    }

    @Test
    void hostNamesBecomeValidNodeNames() {
        assertEquals("my_pi-3.local", NodeSettings.sanitize("My_Pi@3.local"));
        assertEquals("pi-4", NodeSettings.sanitize("-pi 4"));
        assertEquals(64, NodeSettings.sanitize("x".repeat(80)).length());
        assertEquals("punnet", read(host(null, null)).nodeName());
        assertEquals("punnet", read(host("___", null)).nodeName());
    }

    @Test
    void aConfiguredNodeNameMustBeValid() {
        properties.put(NodeSettings.NODE_NAME, "Pi 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(host("pi", null)));
        assertTrue(e.getMessage().contains("punnet.node.name 'Pi 1'"), e.getMessage());
        properties.put(NodeSettings.NODE_NAME, " pi-1 ");
        assertEquals("pi-1", read(host("pi", null)).nodeName());
    }

    @Test
    void everyPropertyIsRead() {
        properties.put(NodeSettings.NODE_NAME, "pi-2");
        properties.put(NodeSettings.BIND_ADDRESS, "10.0.0.2");
        properties.put(NodeSettings.GOSSIP_PORT, "7000");
        properties.put(NodeSettings.SEEDS, "10.0.0.1:7000, pi-1.local , [fd00::1]:7001,");
        properties.put(NodeSettings.CLUSTER_NAME, "lab");
        NodeSettings settings = read(host("pi", "192.168.1.5"));
        assertEquals("pi-2", settings.nodeName());
        assertEquals("10.0.0.2", settings.bindAddress().getHostAddress());
        assertEquals(7000, settings.port());
        assertEquals(List.of(new Endpoint("10.0.0.1", 7000), new Endpoint("pi-1.local", 7000),
                new Endpoint("fd00::1", 7001)), settings.seeds());
        assertEquals("lab", settings.clusterName());
    }

    @Test
    void badNetworkSettingsNameTheirProperty() {
        assertRefused(NodeSettings.GOSSIP_PORT, "70000", "punnet.gossip.port '70000'");
        assertRefused(NodeSettings.GOSSIP_PORT, "seven", "punnet.gossip.port 'seven'");
        assertRefused(NodeSettings.BIND_ADDRESS, "0.0.0.0", "wildcard");
        assertRefused(NodeSettings.BIND_ADDRESS, "pi.local", "must be an IP address literal");
        assertRefused(NodeSettings.SEEDS, "10.0.0.1:x", "punnet.seeds: '10.0.0.1:x'");
    }

    private void assertRefused(String property, String value, String expected) {
        properties.put(property, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(host("pi", null)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        properties.remove(property);
    }
}
