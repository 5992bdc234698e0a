package io.punnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsResolverTest {

    private static final HostFacts PI = new HostFacts() {
        @Override
        public String hostName() {
            return "pi-kitchen.local";
        }

        @Override
        public List<InetAddress> localAddresses() {
            try {
                return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("192.168.1.23"),
                        InetAddress.getByName("10.0.0.5"));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Path userHome() {
            return Path.of("/home/pi");
        }
    };

    private static NodeSettings resolve(Map<String, String> file, Map<String, String> env) throws SettingException {
        return new SettingsResolver(file, env, PI).resolve();
    }

    @Test
    void defaultsWorkOnALanWithNoEdits() throws SettingException {
        NodeSettings s = resolve(Map.of(), Map.of());
        assertEquals("pi-kitchen", s.nodeName());
        assertEquals("192.168.1.23", s.bindAddress(), "the first site-local address");
        assertEquals("0.0.0.0", s.httpHost());
        assertEquals(8080, s.httpPort());
        assertEquals(7946, s.gossipPort());
        assertEquals("punnet", s.clusterName());
        assertEquals(Path.of("/home/pi"), s.dataDir());
        assertEquals(List.of(), s.seeds());
        assertEquals(List.of(), s.clusterKeys());
        assertEquals("", s.apiToken());
    }

    @Test
    void environmentOverridesTheFile() throws SettingException {
        NodeSettings s = resolve(Map.of("http.port", "9000", "node.name", "from-file"),
                Map.of("PUNNET_HTTP_PORT", "9100"));
        assertEquals(9100, s.httpPort());
        assertEquals("from-file", s.nodeName());
    }

    @Test
    void seedsAndKeysAreLists() throws SettingException {
        String key16 = "AAECAwQFBgcICQoLDA0ODw==";
        String key32 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        NodeSettings s = resolve(Map.of(), Map.of("PUNNET_SEEDS", " 192.168.1.2:7946, pi-two:7000 ",
                "PUNNET_CLUSTER_KEY", key32 + "," + key16));
        assertEquals(List.of("192.168.1.2:7946", "pi-two:7000"), s.seeds());
        assertEquals(List.of(key32, key16), s.clusterKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PUNNET_HTTP_PORT|abc|PUNNET_HTTP_PORT (http.port): 'abc' is not a port number (1-65535)",
        "PUNNET_GOSSIP_PORT|70000|PUNNET_GOSSIP_PORT (gossip.port): 70000 is not a port (1-65535)",
        "PUNNET_BIND_ADDRESS|192.168.9.9|PUNNET_BIND_ADDRESS (bind.address): 192.168.9.9 is not an address of this machine",
        "PUNNET_BIND_ADDRESS|pi.local|PUNNET_BIND_ADDRESS (bind.address): 'pi.local' is not an IPv4 address",
        "PUNNET_NODE_NAME|bad name|PUNNET_NODE_NAME (node.name): 'bad name' is not a node name (1-63 of A-Z a-z 0-9 . _ -, starting with a letter or digit)",
        "PUNNET_CLUSTER_NAME|Prod!|PUNNET_CLUSTER_NAME (cluster.name): 'Prod!' is not a cluster name (1-63 of a-z 0-9 -, starting with a letter or digit)",
        "PUNNET_CLUSTER_KEY|abcd|PUNNET_CLUSTER_KEY (cluster.key): a key decodes to 3 bytes; AES needs 16 or 32",
        "PUNNET_CLUSTER_KEY|not base64!|PUNNET_CLUSTER_KEY (cluster.key): a key is not valid base64",
        "PUNNET_SEEDS|192.168.1.2|PUNNET_SEEDS (seeds): '192.168.1.2' is not host:port",
        "PUNNET_SEEDS|pi:0|PUNNET_SEEDS (seeds): 0 is not a port (1-65535)",
        "PUNNET_API_TOKEN|short|PUNNET_API_TOKEN (api.token): a token must have at least 16 characters",
        "PUNNET_REST_OPEN_NETWORKS|192.168.1.0|PUNNET_REST_OPEN_NETWORKS (rest.open.networks): '192.168.1.0' is not an IPv4 CIDR like 192.168.1.0/24",
        "PUNNET_DISCOVERY_INTERFACES|eth0,none|PUNNET_DISCOVERY_INTERFACES (discovery.interfaces): 'none' cannot be combined with interfaces",
        "PUNNET_DISCOVERY_INTERFACES|eth 0|PUNNET_DISCOVERY_INTERFACES (discovery.interfaces): 'eth 0' is not an interface name",
        "PUNNET_REST_OPEN_NETWORKS|192.168.1.0/33|PUNNET_REST_OPEN_NETWORKS (rest.open.networks): '192.168.1.0/33' has a prefix over 32",
    })
    void aBadValueFailsWithOneLineNamingTheSetting(String variable, String value, String message) {
        SettingException e = assertThrows(SettingException.class, () -> resolve(Map.of(), Map.of(variable, value)));
        assertEquals(message, e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
