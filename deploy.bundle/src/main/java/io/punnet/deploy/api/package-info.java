/**
 * Cluster-wide rollout of bundles.
 *
 * <p>{@link io.punnet.deploy.api.Deployments} takes a jar posted to this node, stores it by its
 * SHA-256, and gossips a signed desired state; every targeted node fetches the jar from a node that
 * holds it, installs or updates the bundle, checks that it becomes ACTIVE with its DS components
 * satisfied, and rolls back otherwise. Progress is read back per node with
 * {@link io.punnet.deploy.api.RolloutStatus}; what every node runs with
 * {@link io.punnet.deploy.api.BundleInfo}.
 *
 * <p>Refusals are typed ({@link io.punnet.deploy.api.DeploymentRefusedException} with a
 * {@link io.punnet.deploy.api.DeploymentRefusedException.Reason}) so that a REST layer maps them to
 * a status: {@code TOO_LARGE} → 413, {@code NOT_READY} → 503, {@code DOWNGRADE} → 409, every other
 * reason → 400 (or 422). Nothing is stored, gossiped or installed anywhere when one is thrown.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.punnet.deploy.api;
