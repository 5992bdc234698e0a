package io.punnet.deploy.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.deploy.api.NodeState;
import io.punnet.deploy.core.CanaryPolicy;
import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.DesiredMerge;
import io.punnet.deploy.core.EntrySigner;
import io.punnet.deploy.core.LocalPlan;
import io.punnet.deploy.core.MemberTags;
import io.punnet.deploy.core.MemberView;
import io.punnet.deploy.core.NodeReport;
import io.punnet.deploy.core.OsgiVersion;
import io.punnet.deploy.core.VersionClock;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * One pass of the agent, on the deploy thread: read the members' desired states and merge them with
 * this node's; promote canaries that succeeded; for each entry, decide ({@link LocalPlan}) and act;
 * publish what changed. Runs on every relevant gossip change and on a timer, so a node that was down
 * or joins late converges from the desired state it finds in gossip.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final DesiredBook book;
    private final EntrySigner signer;
    private final DesiredMerge merge;
    private final VersionClock clock;
    private final GossipViews gossip;
    private final RolloutRunner runner;
    private final BundleInstaller installer;
    private final BundleDigests digests;
    private final Publisher publisher;
    private final ArtifactStore store;
    private long badSignatures;

    Reconciler(DesiredBook book, EntrySigner signer, VersionClock clock, GossipViews gossip, RolloutRunner runner,
            BundleInstaller installer, BundleDigests digests, Publisher publisher, ArtifactStore store) {
        this.book = book;
        this.signer = signer;
        this.merge = new DesiredMerge(signer);
        this.clock = clock;
        this.gossip = gossip;
        this.runner = runner;
        this.installer = installer;
        this.digests = digests;
        this.publisher = publisher;
        this.store = store;
    }

    void reconcile(Cluster cluster, RolloutRunner.Limits limits) throws IOException, InterruptedException {
        List<Member> members = cluster.members();
        List<MemberView> views = gossip.views(members);
        DesiredMerge.Result merged = merge.merge(views, book.entries());
        if (merged.badSignatures() > 0) {
            badSignatures += merged.badSignatures();
            LOG.debug("deploy: ignored {} desired entries with a bad signature", merged.badSignatures());
        }
        book.merge(merged.entries());
        promoteCanaries(views);
        publisher.publish(cluster, book, store);
        Member local = cluster.local();
        List<DesiredEntry> oldestFirst = new ArrayList<>(book.entries());
        java.util.Collections.reverse(oldestFirst);
        for (DesiredEntry entry : oldestFirst) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            act(cluster, local, members, entry, limits);
        }
        prune(limits.maxStoredJars());
        publisher.publish(cluster, book, store);
    }

    /** Keeps the store small: what the desired state names and what runs here always stays. */
    private void prune(int max) throws IOException {
        java.util.Set<String> keep = new java.util.HashSet<>();
        book.entries().forEach(e -> keep.add(e.sha256()));
        for (Bundle b : installer.bundles()) {
            digests.of(b).ifPresent(keep::add);
        }
        int deleted = store.prune(keep, max);
        if (deleted > 0) {
            LOG.info("deploy: removed {} old jars from the store", deleted);
        }
    }

    /** Desired entries refused for their signature since start. */
    long badSignatures() {
        return badSignatures;
    }

    private void promoteCanaries(List<MemberView> views) throws IOException {
        for (DesiredEntry entry : book.entries()) {
            if (CanaryPolicy.readyToPromote(entry, views)) {
                DesiredEntry promoted = signer.sign(entry.promoted(clock.next(System.currentTimeMillis())));
                LOG.info("deploy: canary {} succeeded; rollout {} goes to {}", entry.canaryNode(), entry.rolloutName(),
                        entry.target());
                book.merge(List.of(promoted));
            }
        }
    }

    /**
     * An update whose refresh never ran (the agent was stopped in between, as when gossip itself is
     * rolled out and the deploy bundle is refreshed with it) leaves the old revision wired: refresh now.
     */
    private void finishInterruptedUpdate(Bundle bundle, DesiredEntry entry, RolloutRunner.Limits limits)
            throws InterruptedException {
        if (installer.hasPendingRevision(bundle) && (entry.allowGossip() || !installer.refreshTouchesGossip(bundle))) {
            LOG.info("deploy: finishing the update of {}: refreshing its dependants", entry.symbolicName());
            String problem = installer.refresh(bundle, limits.refreshTimeoutMs());
            if (problem != null) {
                LOG.warn("deploy: {}", problem);
            }
        }
    }

    private void act(Cluster cluster, Member local, List<Member> members, DesiredEntry entry,
            RolloutRunner.Limits limits) throws IOException, InterruptedException {
        Optional<Bundle> bundle = installer.find(entry.symbolicName());
        LocalPlan.Running running = bundle.map(b -> new LocalPlan.Running(OsgiVersion.parse(BundleInstaller.version(b)),
                digests.of(b).orElse(null))).orElse(null);
        NodeReport last = book.report(entry.symbolicName());
        LocalPlan.Decision decision = LocalPlan.decide(entry, local.name(), MemberTags.of(local.state(MemberTags.KEY)),
                running, last);
        NodeReport pending = new NodeReport(entry.rolloutId(), entry.version(), entry.symbolicName(), NodeState.PENDING, "");
        switch (decision.action()) {
            case NOTHING -> { }
            case REPORT_ACTIVE -> {
                finishInterruptedUpdate(bundle.orElseThrow(), entry, limits);
                book.report(pending.to(NodeState.ACTIVE, ""));
            }
            case REFUSE -> book.report(pending.to(NodeState.FAILED, decision.reason()));
            case APPLY -> runner.run(entry, gossip.holders(members, entry.sha256()), limits, report -> {
                try {
                    book.report(report);
                } catch (IOException e) {
                    LOG.warn("deploy: cannot remember the report: {}", e.toString());
                }
                publisher.publish(cluster, book, store);
            });
            default -> throw new IllegalStateException(decision.action().name());
        }
    }
}
