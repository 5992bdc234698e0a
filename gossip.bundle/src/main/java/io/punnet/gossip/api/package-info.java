/**
 * The cluster as one node sees it: members, their liveness and their application state.
 *
 * <p>Every other Punnet bundle talks to the cluster only through this package: it reads
 * {@link io.punnet.gossip.api.Cluster#members()}, publishes its own facts with
 * {@link io.punnet.gossip.api.Cluster#setApplicationState(String, String)}, and listens with a
 * {@link io.punnet.gossip.api.ClusterListener} registered as a service (whiteboard). The failure
 * detector plugs in as a {@link io.punnet.gossip.api.Liveness} service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.punnet.gossip.api;
