package io.punnet.deploy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.osgi.framework.BundleContext;

/**
 * The node settings the deploy bundle reads from framework properties: the data directory
 * ({@code punnet.data.dir}, else {@code $PUNNET_DATA_DIR}, else the user's home) and the cluster keys
 * ({@code punnet.cluster.key}: comma-separated base64 keys of 16 or 32 bytes, the first signs).
 */
final class NodeSettings {

    static final String DATA_DIR = "punnet.data.dir";
    static final String CLUSTER_KEY = "punnet.cluster.key";

    private NodeSettings() {
    }

    static Path dataDir(BundleContext context) {
        String dir = context.getProperty(DATA_DIR);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("PUNNET_DATA_DIR");
        }
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("user.home");
        }
        return Path.of(dir).resolve(".punnet");
    }

    /**
     * The raw cluster keys; empty when none is configured.
     *
     * @throws IllegalArgumentException when a key is not base64 of 16 or 32 bytes
     */
    static List<byte[]> clusterKeys(String property) {
        List<byte[]> keys = new ArrayList<>();
        if (property == null || property.isBlank()) {
            return keys;
        }
        for (String part : property.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            byte[] key = Base64.getDecoder().decode(part.trim());
            if (key.length != 16 && key.length != 32) {
                throw new IllegalArgumentException("a cluster key must be 16 or 32 bytes, not " + key.length);
            }
            keys.add(key);
        }
        return keys;
    }
}
