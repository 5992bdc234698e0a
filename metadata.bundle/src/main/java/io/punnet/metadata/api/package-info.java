/**
 * The meta-data of the nodes: the services installed on each (for example {@code nginx_webserver},
 * {@code load_balancer}) and free-form tags.
 *
 * <p>{@link io.punnet.metadata.api.MetadataStore} changes this node's meta-data (kept in
 * {@code meta-data.json} in the node's data directory and gossiped on every change) and reads
 * every other node's from gossip. Refusals are typed, so that a REST layer can map them:
 * {@link io.punnet.metadata.api.InvalidNameException} → 400,
 * {@link io.punnet.metadata.api.DuplicateException} → 409,
 * {@link io.punnet.metadata.api.LimitExceededException} → 409,
 * {@link io.punnet.metadata.api.NotFoundException} → 404.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.punnet.metadata.api;
