package io.punnet.deploy.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.NodeReport;
import io.punnet.deploy.core.RolloutMachine;

/**
 * Runs one desired entry on this node, through {@link RolloutMachine}'s states, reporting each move:
 * fetch the jar if the store lacks it; keep the running revision's jar in the store for a rollback;
 * install or update; refresh; start and watch; on failure roll back and say why.
 *
 * <p>A fetch that finds no holder leaves the rollout FETCHING, with the reason, to be tried again on
 * the next reconciliation; every other failure is final for this rollout on this node.
 */
final class RolloutRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RolloutRunner.class);

    /** The limits of a run. */
    record Limits(long maxJarBytes, long activationTimeoutMs, long refreshTimeoutMs, long fetchTimeoutMs, int maxStoredJars) {
    }

    private final ArtifactStore store;
    private final ArtifactFetcher fetcher;
    private final BundleInstaller installer;
    private final BundleDigests digests;

    RolloutRunner(ArtifactStore store, ArtifactFetcher fetcher, BundleInstaller installer, BundleDigests digests) {
        this.store = store;
        this.fetcher = fetcher;
        this.installer = installer;
        this.digests = digests;
    }

    /** Runs the entry; {@code report} receives every state reached. */
    void run(DesiredEntry entry, List<URI> holders, Limits limits, Consumer<NodeReport> report)
            throws InterruptedException {
        RolloutMachine machine = new RolloutMachine(entry);
        report.accept(machine.move(NodeState.FETCHING, ""));
        if (!store.has(entry.sha256())) {
            String problem = fetcher.fetch(entry.sha256(), holders, limits.maxJarBytes(),
                    Duration.ofMillis(limits.fetchTimeoutMs()));
            if (problem != null) {
                report.accept(machine.current().to(NodeState.FETCHING, "waiting for the jar: " + problem));
                return;
            }
        }
        Optional<Bundle> existing = installer.find(entry.symbolicName());
        Path previous = null;
        String previousSha = null;
        if (existing.isPresent()) {
            if (!entry.allowGossip() && installer.refreshTouchesGossip(existing.get())) {
                report.accept(machine.move(NodeState.FAILED, "refreshing " + entry.symbolicName()
                        + " would restart the gossip bundle; not allowed for this rollout"));
                return;
            }
            previousSha = keepPrevious(existing.get(), limits.maxJarBytes());
            if (previousSha == null) {
                report.accept(machine.move(NodeState.FAILED, "the running revision's jar cannot be kept for a"
                        + " rollback (location " + existing.get().getLocation() + " is not a readable file)"));
                return;
            }
            previous = store.path(previousSha);
        }
        Bundle bundle = existing.orElse(null);
        String problem = null;
        try {
            Path jar = store.path(entry.sha256());
            if (bundle != null) {
                installer.update(bundle, jar, entry.sha256());
            } else {
                bundle = installer.install(entry.symbolicName(), jar, entry.sha256());
            }
        } catch (IOException | BundleException | IllegalStateException e) {
            if (bundle == null) {
                report.accept(machine.move(NodeState.FAILED, "install failed: " + e.getMessage()));
                return;
            }
            // Felix updates the revision, then fails to restart it (it cannot resolve): roll back
            problem = "update failed: " + e.getMessage();
        }
        if (problem == null) {
            report.accept(machine.move(NodeState.INSTALLED, ""));
            problem = existing.isPresent() ? installer.refresh(bundle, limits.refreshTimeoutMs()) : null;
            if (problem == null) {
                problem = installer.startAndWatch(bundle, limits.activationTimeoutMs());
            }
            if (problem == null) {
                report.accept(machine.move(NodeState.ACTIVE, ""));
                LOG.info("deploy: {} {} is active (rollout {})", entry.symbolicName(), entry.bundleVersion(),
                        entry.rolloutName());
                return;
            }
        }
        LOG.warn("deploy: {} {} failed, rolling back: {}", entry.symbolicName(), entry.bundleVersion(), problem);
        // FAILED is not reported yet: seen from outside it is final, and the rollback comes first
        machine.move(NodeState.FAILED, problem);
        String rollback = installer.rollback(bundle, previous, previousSha, limits.refreshTimeoutMs(),
                limits.activationTimeoutMs());
        if (rollback == null) {
            report.accept(machine.move(NodeState.ROLLED_BACK, problem));
        } else {
            report.accept(machine.current().to(NodeState.FAILED, problem + "; the rollback failed too: " + rollback));
        }
    }

    /** Puts the running revision's jar in the store; its digest, or null when it cannot be read. */
    private String keepPrevious(Bundle bundle, long maxBytes) {
        Optional<String> sha = digests.of(bundle);
        if (sha.isEmpty()) {
            return null;
        }
        if (store.has(sha.get())) {
            return sha.get();
        }
        Optional<Path> file = BundleDigests.localFile(bundle.getLocation());
        if (file.isEmpty()) {
            return null;
        }
        try {
            ArtifactStore.Stored stored = store.putFile(file.get(), Math.max(maxBytes, 1L << 30));
            return stored.sha256().equals(sha.get()) ? stored.sha256() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
