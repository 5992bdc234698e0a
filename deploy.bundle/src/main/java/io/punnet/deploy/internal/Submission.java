package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Bundle;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.deploy.core.BundleIdentity;
import io.punnet.deploy.core.CanaryPolicy;
import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.Digests;
import io.punnet.deploy.core.EntrySigner;
import io.punnet.deploy.core.InventoryCodec;
import io.punnet.deploy.core.ManifestRules;
import io.punnet.deploy.core.OsgiVersion;
import io.punnet.deploy.core.RolloutView;
import io.punnet.deploy.core.Target;
import io.punnet.deploy.core.VersionClock;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * Accepts one jar: checks the target, stores the jar (size cap, digest, the expected digest if the
 * client gave one), reads its manifest ({@link ManifestRules}), verifies its jar signature if it has
 * one ({@link JarSignatureCheck}), refuses downgrades without force and anything that would restart gossip
 * without permission, then signs a desired entry and adds it to the book. Every refusal comes before
 * the entry exists, and removes a jar this submission stored: nothing is gossiped or installed.
 */
final class Submission {

    private final ArtifactStore store;
    private final DesiredBook book;
    private final EntrySigner signer;
    private final VersionClock clock;
    private final BundleInstaller installer;
    private final GossipViews gossip;
    private final InventoryCodec inventory = new InventoryCodec();

    Submission(ArtifactStore store, DesiredBook book, EntrySigner signer, VersionClock clock, BundleInstaller installer,
            GossipViews gossip) {
        this.store = store;
        this.book = book;
        this.signer = signer;
        this.clock = clock;
        this.installer = installer;
        this.gossip = gossip;
    }

    DesiredEntry submit(Cluster cluster, InputStream jar, String targetText, DeployOptions options, long maxBytes)
            throws IOException {
        Target target;
        try {
            target = Target.parse(targetText);
        } catch (IllegalArgumentException e) {
            throw new DeploymentRefusedException(Reason.BAD_TARGET, e.getMessage());
        }
        String expected = options.expectedSha256();
        if (expected != null && !Digests.isSha256Hex(expected.toLowerCase(java.util.Locale.ROOT))) {
            throw new DeploymentRefusedException(Reason.TAMPERED, "the expected SHA-256 is not 64 hex digits");
        }
        ArtifactStore.Stored stored = store.put(jar, maxBytes, expected);
        try {
            Map<String, String> manifest = ManifestReader.mainAttributes(stored.path());
            JarSignatureCheck.verify(stored.path(), 4 * maxBytes);
            BundleIdentity identity = ManifestRules.check(manifest, options.allowGossip());
            refuseDowngrade(cluster, identity, options.force());
            refuseGossipRefresh(identity, options.allowGossip());
            String canary = "";
            if (options.canary()) {
                canary = CanaryPolicy.choose(target, cluster.local().name(), gossip.views(cluster.members()))
                        .orElseThrow(() -> new DeploymentRefusedException(Reason.BAD_TARGET,
                                "a canary rollout needs a live member that matches " + target));
            }
            long version = clock.next(System.currentTimeMillis());
            DesiredEntry entry = signer.sign(new DesiredEntry(version, version, identity.symbolicName(),
                    identity.version().toString(), stored.sha256(), target, canary, options.force(),
                    options.allowGossip(), ""));
            book.merge(List.of(entry));
            return entry;
        } catch (IOException | RuntimeException e) {
            if (stored.fresh()) {
                store.delete(stored.sha256());
            }
            throw e;
        }
    }

    /**
     * Refuses a version older than what runs: here, on any member (as its gossiped inventory says),
     * or as the desired version of a rollout that has not failed. A desired version that failed
     * everywhere does not count: nobody runs it, and the fix may well be a smaller version number.
     */
    private void refuseDowngrade(Cluster cluster, BundleIdentity identity, boolean force) {
        if (force) {
            return;
        }
        String name = identity.symbolicName();
        Optional<Bundle> running = installer.find(name);
        if (running.isPresent()) {
            refuseIfOlder(identity, OsgiVersion.parse(BundleInstaller.version(running.get())), "running here");
        }
        for (Member m : cluster.members()) {
            for (BundleInfo b : inventory.decode(m.applicationState()).orElse(List.of())) {
                if (b.symbolicName().equals(name)) {
                    refuseIfOlder(identity, OsgiVersion.parse(b.version()), "running on " + m.name());
                }
            }
        }
        Optional<DesiredEntry> desired = book.latest(name);
        if (desired.isPresent()) {
            RolloutStatus.Phase phase = RolloutView.of(desired.get(), gossip.views(cluster.members()), false).phase();
            if (phase != RolloutStatus.Phase.FAILED && phase != RolloutStatus.Phase.STOPPED) {
                refuseIfOlder(identity, OsgiVersion.parse(desired.get().bundleVersion()),
                        "being rolled out (rollout " + desired.get().rolloutName() + ")");
            }
        }
    }

    private static void refuseIfOlder(BundleIdentity identity, OsgiVersion other, String where) {
        if (identity.version().compareTo(other) < 0) {
            throw new DeploymentRefusedException(Reason.DOWNGRADE, identity.symbolicName() + " " + identity.version()
                    + " is older than the " + other + " " + where + "; submit with force to downgrade");
        }
    }

    private void refuseGossipRefresh(BundleIdentity identity, boolean allowGossip) {
        Optional<Bundle> running = installer.find(identity.symbolicName());
        if (!allowGossip && running.isPresent() && installer.refreshTouchesGossip(running.get())) {
            throw new DeploymentRefusedException(Reason.GOSSIP_NOT_ALLOWED, "updating " + identity.symbolicName()
                    + " refreshes the gossip bundle, which restarts gossip; allow it explicitly (allowGossip)");
        }
    }
}
