package io.punnet.deploy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.DeploymentRefusedException.Reason;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.RolloutStatus;
import io.punnet.deploy.core.DesiredEntry;
import io.punnet.deploy.core.DesiredStateCodec;
import io.punnet.deploy.core.EntrySigner;
import io.punnet.deploy.core.InventoryCodec;
import io.punnet.deploy.core.MemberTags;
import io.punnet.deploy.core.MemberView;
import io.punnet.deploy.core.RolloutIds;
import io.punnet.deploy.core.RolloutView;
import io.punnet.deploy.core.StatusCodec;
import io.punnet.deploy.core.VersionClock;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.Member;

/**
 * The deploy agent of this node: the {@link Deployments} service, and a {@link ClusterListener}
 * (whiteboard) that wakes the agent when the desired state, a report or a member changes.
 *
 * <p>All rollout work runs on one thread, {@value #THREAD}: one reconciliation at a time, so two
 * installs never race on this node, and nothing slow ever runs on gossip's notification thread or a
 * caller's. Submissions run on the caller's thread (store and sign), then wake the agent.
 *
 * <p>Gossip is an optional, dynamic reference: while the gossip bundle restarts, the agent idles and
 * submissions are refused as NOT_READY; when a Cluster comes back, everything is published again.
 */
@Component(service = {Deployments.class, ClusterListener.class}, immediate = true, configurationPid = DeployAgent.PID)
@Designate(ocd = DeployConfig.class)
public final class DeployAgent implements Deployments, ClusterListener {

    static final String PID = "io.punnet.deploy";
    static final String THREAD = "punnet-deploy";

    private static final Logger LOG = LoggerFactory.getLogger(DeployAgent.class);

    private final AtomicReference<Cluster> cluster = new AtomicReference<>();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final BundleContext context;
    private final ArtifactStore store;
    private final DesiredBook book;
    private final EntrySigner signer;
    private final GossipViews gossip = new GossipViews();
    private final Publisher publisher;
    private final Reconciler reconciler;
    private final Submission submission;
    private final ScheduledExecutorService thread;
    private final BundleListener bundleListener;
    private volatile DeployConfig config;
    private java.util.concurrent.ScheduledFuture<?> timer;

    @Activate
    public DeployAgent(BundleContext context, DeployConfig config, @Reference ServiceComponentRuntime scr)
            throws IOException {
        this.context = context;
        this.config = config;
        var dataDir = NodeSettings.dataDir(context);
        List<byte[]> keys = NodeSettings.clusterKeys(context.getProperty(NodeSettings.CLUSTER_KEY));
        this.signer = keys.isEmpty() ? null : new EntrySigner(keys);
        if (signer == null) {
            LOG.warn("deploy: no punnet.cluster.key; rollouts are off on this node");
        }
        VersionClock clock = new VersionClock();
        this.store = new ArtifactStore(dataDir.resolve("artifacts"));
        this.book = new DesiredBook(new AgentMemory(dataDir.resolve("deploy").resolve("memory")), clock);
        BundleDigests digests = new BundleDigests(dataDir.resolve("deploy").resolve("installed"));
        BundleInstaller installer = new BundleInstaller(context, scr, digests);
        this.publisher = new Publisher(context, digests);
        ArtifactFetcher fetcher = new ArtifactFetcher(store, () -> HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build());
        RolloutRunner runner = new RolloutRunner(store, fetcher, installer, digests);
        this.reconciler = signer == null ? null
                : new Reconciler(book, signer, clock, gossip, runner, installer, digests, publisher, store);
        this.submission = signer == null ? null : new Submission(store, book, signer, clock, installer, gossip);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
        configure(config);
        this.bundleListener = event -> requestReconcile();
        context.addBundleListener(bundleListener);
    }

    @Modified
    void modified(DeployConfig newConfig) {
        configure(newConfig);
    }

    /** Takes a configuration: the limits apply to the next rollout, the interval from now on. */
    private synchronized void configure(DeployConfig newConfig) {
        this.config = newConfig;
        if (timer != null) {
            timer.cancel(false);
        }
        timer = thread.scheduleWithFixedDelay(this::requestReconcile, 0, newConfig.reconcileIntervalInMs(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        context.removeBundleListener(bundleListener);
        thread.shutdownNow();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("deploy: the deploy thread did not stop within 10 s");
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCluster(Cluster newCluster) {
        cluster.set(newCluster);
        requestReconcile();
    }

    void unbindCluster(Cluster oldCluster) {
        cluster.compareAndSet(oldCluster, null);
    }

    @Override
    public void clusterChanged(ClusterEvent event) {
        boolean relevant = switch (event.type()) {
            case JOINED, RESTARTED -> true;
            case STATE_CHANGED -> !event.member().local() && (DesiredStateCodec.KEY.equals(event.key())
                    || StatusCodec.KEY.equals(event.key())) || MemberTags.KEY.equals(event.key());
            default -> false;
        };
        if (relevant) {
            requestReconcile();
        }
    }

    /** Queues one reconciliation unless one is already waiting to run. */
    private void requestReconcile() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::reconcile);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                queued.set(false);
            }
        }
    }

    private void reconcile() {
        queued.set(false);
        Cluster c = cluster.get();
        if (c == null || reconciler == null) {
            return;
        }
        DeployConfig cfg = config;
        try {
            reconciler.reconcile(c, new RolloutRunner.Limits(cfg.maxJarSizeInBytes(), cfg.activationTimeoutInMs(),
                    cfg.refreshTimeoutInMs(), cfg.fetchTimeoutInMs(), cfg.maxStoredJarsInCount()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("deploy: reconciliation failed, retried on the next: {}", e.toString());
        }
    }

    @Override
    public String submit(InputStream jar, String target, DeployOptions options) throws IOException {
        Cluster c = cluster.get();
        if (c == null || submission == null) {
            throw new DeploymentRefusedException(Reason.NOT_READY, c == null ? "gossip is not running on this node"
                    : "this node has no cluster key to sign the rollout with");
        }
        DesiredEntry entry = submission.submit(c, jar, target, options == null ? DeployOptions.defaults() : options,
                config.maxJarSizeInBytes());
        LOG.info("deploy: rollout {} of {} {} ({}) to {}", entry.rolloutName(), entry.symbolicName(),
                entry.bundleVersion(), entry.sha256(), entry.target());
        if (entry.symbolicName().equals(io.punnet.deploy.core.ManifestRules.GOSSIP)) {
            LOG.warn("deploy: rollout {} updates the gossip bundle: gossip restarts on every targeted node",
                    entry.rolloutName());
        }
        requestReconcile();
        return entry.rolloutName();
    }

    @Override
    public Optional<RolloutStatus> rollout(String id) {
        OptionalLong rolloutId = RolloutIds.parse(id);
        if (rolloutId.isEmpty()) {
            return Optional.empty();
        }
        return book.rollout(rolloutId.getAsLong()).map(entry -> status(entry, views()));
    }

    @Override
    public List<RolloutStatus> rollouts() {
        List<MemberView> views = views();
        List<RolloutStatus> all = new ArrayList<>();
        for (DesiredEntry entry : book.history()) {
            all.add(status(entry, views));
        }
        return all;
    }

    @Override
    public Map<String, List<BundleInfo>> bundles() {
        Map<String, List<BundleInfo>> all = new LinkedHashMap<>();
        Cluster c = cluster.get();
        InventoryCodec codec = new InventoryCodec();
        if (c != null) {
            for (Member m : c.members()) {
                if (m.local()) {
                    all.put(m.name(), publisher.inventory());
                } else {
                    codec.decode(m.applicationState()).ifPresent(list -> all.put(m.name(), list));
                }
            }
        }
        return all;
    }

    @Override
    public Optional<InputStream> openArtifact(String sha256) throws IOException {
        return store.open(sha256);
    }

    private RolloutStatus status(DesiredEntry entry, List<MemberView> views) {
        boolean superseded = book.latest(entry.symbolicName()).map(l -> l.rolloutId() != entry.rolloutId()).orElse(true);
        return RolloutView.of(entry, views, superseded);
    }

    /** The members as seen by gossip, with this node's own reports fresh from the book. */
    private List<MemberView> views() {
        Cluster c = cluster.get();
        if (c == null) {
            return List.of();
        }
        List<MemberView> views = new ArrayList<>();
        for (MemberView v : gossip.views(c.members())) {
            views.add(v.name().equals(c.local().name())
                    ? new MemberView(v.name(), true, v.tags(), book.reports(), v.desired()) : v);
        }
        return views;
    }
}
