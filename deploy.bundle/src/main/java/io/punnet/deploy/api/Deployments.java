package io.punnet.deploy.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Rolls bundles out to the cluster, and reports on them. Provided by the deploy bundle.
 *
 * <p>Targets, as text: {@code all} (every member, including those that join later),
 * {@code tag:<tag>} (members whose meta-data carries the tag), or {@code node:<name>,<name>} (those
 * members by name).
 *
 * <p>Thread safety: every method may be called from any thread. {@link #submit} blocks while it
 * reads and stores the jar (disk speed; the size is capped) and returns before any node installs
 * anything: the rollout itself runs on each node's deploy thread. Reads never block on the network.
 */
@ProviderType
public interface Deployments {

    /**
     * Validates and stores a jar, then gossips the signed desired state that rolls it out.
     *
     * @param jar     the bundle jar; read to its end (or to the size cap) but not closed
     * @param target  {@code all}, {@code tag:<tag>} or {@code node:<name>[,<name>…]}
     * @param options force, canary, gossip permission, an expected digest
     * @return the rollout id, to be read back with {@link #rollout(String)}
     * @throws DeploymentRefusedException when the jar, the target or the options are refused (the
     *         reason says which); nothing was stored or gossiped then
     * @throws IOException when reading the jar or writing the store failed
     */
    String submit(InputStream jar, String target, DeployOptions options) throws IOException;

    /** {@link #submit(InputStream, String, DeployOptions)} for a jar in memory. */
    default String submit(byte[] jar, String target, DeployOptions options) throws IOException {
        return submit(new ByteArrayInputStream(jar), target, options);
    }

    /** The state of one rollout on every node it targets; empty if the id is unknown. */
    Optional<RolloutStatus> rollout(String id);

    /**
     * The rollouts in the cluster's desired state (the latest per symbolic name), plus those this
     * node submitted or saw recently, newest first.
     */
    List<RolloutStatus> rollouts();

    /** What every node runs, by node name, as each node gossips it (this node's own is fresh). */
    Map<String, List<BundleInfo>> bundles();

    /**
     * Opens a stored jar by its SHA-256 (64 lower-case hex digits) for reading; the caller closes it.
     * This is what other nodes fetch over HTTP. Empty when this node does not hold it or the digest
     * is malformed.
     */
    Optional<InputStream> openArtifact(String sha256) throws IOException;
}
