package io.punnet.discovery.core;

/**
 * A place where a node of this cluster may listen, to hand to {@code Cluster.addSeed}.
 *
 * @param node the node name the announcement claimed (unverified until gossip authenticates it)
 * @param host an IPv4 address literal
 * @param port the gossip port
 */
public record Seed(String node, String host, int port) {
}
