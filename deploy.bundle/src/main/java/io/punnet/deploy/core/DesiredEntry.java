package io.punnet.deploy.core;

import java.util.Objects;

/**
 * One line of the cluster's desired state: "nodes matching {@code target} run {@code symbolicName}
 * {@code bundleVersion}, the jar with digest {@code sha256}". Signed by the cluster key, so that a
 * node only acts on entries some member of the cluster wrote.
 *
 * @param version       a cluster-wide monotonic version (a hybrid logical clock in milliseconds):
 *                      for one symbolic name, the entry with the highest version wins, and a node
 *                      never acts on a version lower than one it already saw
 * @param rolloutId     the version of the rollout's first entry; a canary rollout keeps its id when
 *                      it is promoted to all its targets under a new version
 * @param symbolicName  the bundle's symbolic name
 * @param bundleVersion the bundle's version, as its manifest gives it
 * @param sha256        the jar's SHA-256, 64 hex digits
 * @param target        which nodes
 * @param canaryNode    while not empty, only this node applies the entry
 * @param force         the submitter allowed a downgrade
 * @param allowGossip   the submitter allowed touching the gossip bundle
 * @param signature     the HMAC over every other field ({@link EntrySigner}); empty when unsigned
 */
public record DesiredEntry(long version, long rolloutId, String symbolicName, String bundleVersion, String sha256,
        Target target, String canaryNode, boolean force, boolean allowGossip, String signature) {

    public DesiredEntry {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
        Objects.requireNonNull(target, "target");
        if (!Digests.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        canaryNode = canaryNode == null ? "" : canaryNode;
        signature = signature == null ? "" : signature;
    }

    /** The rollout id as text (base 36 of {@link #rolloutId()}), as the API shows it. */
    public String rolloutName() {
        return RolloutIds.format(rolloutId);
    }

    /** This entry with a signature. */
    public DesiredEntry signedWith(String newSignature) {
        return new DesiredEntry(version, rolloutId, symbolicName, bundleVersion, sha256, target, canaryNode, force,
                allowGossip, newSignature);
    }

    /** The promotion of a canary entry: every target, under a new version, unsigned. */
    public DesiredEntry promoted(long newVersion) {
        return new DesiredEntry(newVersion, rolloutId, symbolicName, bundleVersion, sha256, target, "", force,
                allowGossip, "");
    }

    /** Whether the entry is still in its canary phase. */
    public boolean inCanaryPhase() {
        return !canaryNode.isEmpty();
    }
}
