package io.punnet.launcher;

/**
 * Every node-level setting. Each has a key (in {@code conf/punnet.properties}, and the framework
 * property the bundles read), an environment variable that overrides it, and a description that
 * {@code conf/punnet.properties} repeats.
 */
enum Setting {
    NODE_NAME("node.name", "This node's name in the cluster. Default: the host name."),
    BIND_ADDRESS("bind.address", "The IPv4 address gossip binds to and advertises. Default: the first site-local address, else 127.0.0.1."),
    HTTP_HOST("http.host", "The address the REST API and dashboard listen on. Default: all addresses (0.0.0.0)."),
    HTTP_PORT("http.port", "The REST API, dashboard and web console port. Default: 8080."),
    GOSSIP_PORT("gossip.port", "The gossip port (UDP and TCP). Default: 7946."),
    SEEDS("seeds", "Comma-separated host:port of nodes to contact first, for networks without multicast. Default: none."),
    CLUSTER_NAME("cluster.name", "Nodes only join nodes of the same cluster name. Default: punnet."),
    CLUSTER_KEY("cluster.key", "Comma-separated base64 AES keys (16 or 32 bytes); the first encrypts, all decrypt. Default: generated into conf/secrets.properties on first start."),
    DATA_DIR("data.dir", "Where meta-data.json and the node's state live. Default: the user's home."),
    API_TOKEN("api.token", "The bearer token of mutating REST routes (at least 16 characters). Default: generated into conf/secrets.properties on first start."),
    CONSOLE_PASSWORD("console.password", "The Felix web console password for user 'admin' (plain, or hashed {sha-256}salt-iterations-hash). Default: generated on first start, printed once, stored hashed."),
    REST_OPEN_NETWORKS("rest.open.networks", "CIDR list allowed to use the two original meta-data routes without a token. Default: none."),
    DISCOVERY_INTERFACES("discovery.interfaces", "Network interfaces mDNS announces and browses on, comma-separated, or 'none'. Default: every usable IPv4 interface.");

    private final String key;
    private final String description;

    Setting(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The key in conf/punnet.properties; the bundles read it as the framework property "punnet." + key. */
    String key() {
        return key;
    }

    /** The framework property the bundles read. */
    String property() {
        return "punnet." + key;
    }

    /** The environment variable that overrides the file, e.g. PUNNET_NODE_NAME. */
    String envName() {
        return "PUNNET_" + name();
    }

    String description() {
        return description;
    }
}
