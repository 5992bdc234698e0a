package io.punnet.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The validated settings a node starts with. Secrets that were not set are empty here and are
 * filled from (or generated into) {@code conf/secrets.properties} by {@link Secrets}.
 */
record NodeSettings(String nodeName, String bindAddress, String httpHost, int httpPort, int gossipPort,
        List<String> seeds, String clusterName, List<String> clusterKeys, Path dataDir, String apiToken,
        String consolePassword, List<String> openNetworks, List<String> discoveryInterfaces) {

    NodeSettings {
        seeds = List.copyOf(seeds);
        clusterKeys = List.copyOf(clusterKeys);
        openNetworks = List.copyOf(openNetworks);
        discoveryInterfaces = List.copyOf(discoveryInterfaces);
    }

    NodeSettings withSecrets(List<String> keys, String token, String consoleHash) {
        return new NodeSettings(nodeName, bindAddress, httpHost, httpPort, gossipPort, seeds, clusterName, keys,
                dataDir, token, consoleHash, openNetworks, discoveryInterfaces);
    }
}
