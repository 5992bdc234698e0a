/**
 * The health of every node of the cluster, as its monitoring bundle sampled it.
 *
 * <p>{@link io.punnet.monitoring.api.NodeMetrics} is one sample (every field may be unknown);
 * {@link io.punnet.monitoring.api.ClusterMetrics} answers "what is the load of every node" from
 * the gossip this node has received, with the local age of each figure.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.punnet.monitoring.api;
