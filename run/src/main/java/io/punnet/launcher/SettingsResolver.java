package io.punnet.launcher;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the three sources of a setting into validated {@link NodeSettings}: the environment
 * variable wins over {@code conf/punnet.properties}, which wins over the default. A bad value fails
 * with one line naming the setting and what is wrong with it.
 */
final class SettingsResolver {

    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_GOSSIP_PORT = 7946;
    static final String DEFAULT_CLUSTER_NAME = "punnet";

    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,14}");
    private static final int MIN_TOKEN_LENGTH = 16;

    private final Map<String, String> file;
    private final Map<String, String> env;
    private final HostFacts host;

    SettingsResolver(Map<String, String> file, Map<String, String> env, HostFacts host) {
        this.file = file;
        this.env = env;
        this.host = host;
    }

    NodeSettings resolve() throws SettingException {
        String name = raw(Setting.NODE_NAME);
        name = name.isEmpty() ? sanitizeHostName(host.hostName()) : name;
        check(Setting.NODE_NAME, NODE_NAME.matcher(name).matches(),
                "'" + name + "' is not a node name (1-63 of A-Z a-z 0-9 . _ -, starting with a letter or digit)");
        return new NodeSettings(name, bindAddress(), httpHost(), port(Setting.HTTP_PORT, DEFAULT_HTTP_PORT),
                port(Setting.GOSSIP_PORT, DEFAULT_GOSSIP_PORT), seeds(), clusterName(), clusterKeys(), dataDir(),
                apiToken(), raw(Setting.CONSOLE_PASSWORD), openNetworks(), discoveryInterfaces());
    }

    /** The value as given (environment over file), trimmed; empty when unset. */
    private String raw(Setting setting) {
        String value = env.get(setting.envName());
        if (value == null) {
            value = file.get(setting.key());
        }
        return value == null ? "" : value.trim();
    }

    private static String sanitizeHostName(String hostName) {
        String first = hostName.split("\\.", 2)[0];
        return first.isEmpty() ? "punnet" : first;
    }

    private String bindAddress() throws SettingException {
        String value = raw(Setting.BIND_ADDRESS);
        if (value.isEmpty()) {
            return host.firstSiteLocalAddress().orElse("127.0.0.1");
        }
        InetAddress address = ipv4(Setting.BIND_ADDRESS, value);
        boolean local = host.localAddresses().contains(address);
        check(Setting.BIND_ADDRESS, local, value + " is not an address of this machine");
        return address.getHostAddress();
    }

    private String httpHost() throws SettingException {
        String value = raw(Setting.HTTP_HOST);
        if (value.isEmpty()) {
            return "0.0.0.0";
        }
        return ipv4(Setting.HTTP_HOST, value).getHostAddress();
    }

    private static InetAddress ipv4(Setting setting, String value) throws SettingException {
        String[] parts = value.split("\\.", -1);
        boolean ok = parts.length == 4 && Arrays.stream(parts).allMatch(p -> p.matches("\\d{1,3}") && Integer.parseInt(p) < 256);
        check(setting, ok, "'" + value + "' is not an IPv4 address");
        try {
            return InetAddress.getByName(value); // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new SettingException(setting, "'" + value + "' is not an IPv4 address");
        }
    }

    private int port(Setting setting, int defaultPort) throws SettingException {
        String value = raw(setting);
        if (value.isEmpty()) {
            return defaultPort;
        }
        return parsePort(setting, value);
    }

    private static int parsePort(Setting setting, String value) throws SettingException {
        try {
            int port = Integer.parseInt(value);
            check(setting, port > 0 && port < 65536, value + " is not a port (1-65535)");
            return port;
        } catch (NumberFormatException e) {
            throw new SettingException(setting, "'" + value + "' is not a port number (1-65535)");
        }
    }

    private List<String> seeds() throws SettingException {
        List<String> seeds = new ArrayList<>();
        for (String seed : list(raw(Setting.SEEDS))) {
            int colon = seed.lastIndexOf(':');
            check(Setting.SEEDS, colon > 0, "'" + seed + "' is not host:port");
            String hostPart = seed.substring(0, colon);
            check(Setting.SEEDS, HOST.matcher(hostPart).matches(), "'" + hostPart + "' is not a host name or IPv4 address");
            seeds.add(hostPart + ":" + parsePort(Setting.SEEDS, seed.substring(colon + 1)));
        }
        return seeds;
    }

    private String clusterName() throws SettingException {
        String value = raw(Setting.CLUSTER_NAME);
        value = value.isEmpty() ? DEFAULT_CLUSTER_NAME : value;
        check(Setting.CLUSTER_NAME, CLUSTER_NAME.matcher(value).matches(),
                "'" + value + "' is not a cluster name (1-63 of a-z 0-9 -, starting with a letter or digit)");
        return value;
    }

    private List<String> clusterKeys() throws SettingException {
        List<String> keys = list(raw(Setting.CLUSTER_KEY));
        for (String key : keys) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new SettingException(Setting.CLUSTER_KEY, "a key is not valid base64");
            }
            check(Setting.CLUSTER_KEY, bytes.length == 16 || bytes.length == 32,
                    "a key decodes to " + bytes.length + " bytes; AES needs 16 or 32");
        }
        return keys;
    }

    private Path dataDir() throws SettingException {
        String value = raw(Setting.DATA_DIR);
        Path dir = value.isEmpty() ? host.userHome() : Path.of(value);
        check(Setting.DATA_DIR, !Files.exists(dir) || Files.isDirectory(dir), dir + " exists and is not a directory");
        return dir.toAbsolutePath();
    }

    private String apiToken() throws SettingException {
        String value = raw(Setting.API_TOKEN);
        check(Setting.API_TOKEN, value.isEmpty() || value.length() >= MIN_TOKEN_LENGTH,
                "a token must have at least " + MIN_TOKEN_LENGTH + " characters");
        check(Setting.API_TOKEN, value.chars().allMatch(c -> c > 32 && c < 127), "a token must be printable ASCII without spaces");
        return value;
    }

    private List<String> openNetworks() throws SettingException {
        List<String> networks = list(raw(Setting.REST_OPEN_NETWORKS));
        for (String cidr : networks) {
            var m = CIDR.matcher(cidr);
            check(Setting.REST_OPEN_NETWORKS, m.matches(), "'" + cidr + "' is not an IPv4 CIDR like 192.168.1.0/24");
            ipv4(Setting.REST_OPEN_NETWORKS, m.group(1));
            check(Setting.REST_OPEN_NETWORKS, Integer.parseInt(m.group(2)) <= 32, "'" + cidr + "' has a prefix over 32");
        }
        return networks;
    }

    private List<String> discoveryInterfaces() throws SettingException {
        List<String> names = list(raw(Setting.DISCOVERY_INTERFACES));
        for (String name : names) {
            check(Setting.DISCOVERY_INTERFACES, INTERFACE.matcher(name).matches(), "'" + name + "' is not an interface name");
        }
        check(Setting.DISCOVERY_INTERFACES, !names.contains("none") || names.size() == 1, "'none' cannot be combined with interfaces");
        return names;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void check(Setting setting, boolean ok, String problem) throws SettingException {
        if (!ok) {
            throw new SettingException(setting, problem);
        }
    }
}
