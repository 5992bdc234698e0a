/**
 * What this node's failure detector thinks of each peer, and why: phi, the threshold, the
 * interval statistics behind them, and how often this node forgave its own pauses. Read by the
 * REST API and the dashboard; gossip itself consults the detector through
 * {@link io.punnet.gossip.api.Liveness}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.punnet.detector.api;
