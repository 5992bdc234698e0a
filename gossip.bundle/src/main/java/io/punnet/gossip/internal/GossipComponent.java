package io.punnet.gossip.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.core.GossipSettings;
import io.punnet.gossip.core.wire.Envelope;

/**
 * The gossip bundle's one component: provides {@link Cluster}, runs as long as the bundle is active
 * (immediate: gossip is not lazy), and delegates everything to a {@link GossipRuntime}.
 *
 * <ul>
 * <li>Node identity and network settings come from framework properties ({@link NodeSettings}); the
 *     generation is the wall clock at activation, so every restart supersedes the old self.</li>
 * <li>Tuning comes from the configuration {@code io.punnet.gossip} ({@link GossipConfig}); a change
 *     restarts the component.</li>
 * <li>The failure detector is an optional, dynamic {@link Liveness}: while none is bound the engine
 *     falls back to a heartbeat timeout and keeps running.</li>
 * <li>{@link ClusterListener}s are picked up from the service registry (whiteboard) and get every
 *     event in order on one notification thread.</li>
 * <li>Deactivation leaves the cluster gracefully (LEFT is gossiped), then closes the sockets and
 *     stops every thread.</li>
 * </ul>
 */
@Component(service = Cluster.class, immediate = true, configurationPid = GossipConfig.PID)
@Designate(ocd = GossipConfig.class)
public final class GossipComponent implements Cluster {

    private static final Logger LOG = LoggerFactory.getLogger(GossipComponent.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = ClusterListener.class)
    volatile List<ClusterListener> listeners;

    private volatile Liveness liveness;
    private volatile GossipRuntime runtime;

    @Activate
    void activate(BundleContext context, GossipConfig config) {
        NodeSettings node;
        try {
            node = NodeSettings.from(context::getProperty, HostFacts.system());
        } catch (IllegalArgumentException e) {
            LOG.error("gossip not started: {}", e.getMessage());
            throw new RefusedToStart("gossip not started: " + e.getMessage());
        }
        try {
            GossipRuntime started = GossipRuntime.start(node, gossipSettings(config), transportSettings(config, node),
                    config.eventQueueDepth(), () -> listeners);
            started.setLiveness(liveness);
            runtime = started;
            LOG.info("gossip started: node {} of cluster '{}' at {} (generation {}, {} seeds)", node.nodeName(),
                    node.clusterName(), started.endpoint(), started.local().generation(), node.seeds().size());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("gossip not started: {}", e.getMessage());
            throw new RefusedToStart("gossip not started: " + e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        GossipRuntime stopping = runtime;
        if (stopping != null) {
            stopping.close();
            LOG.info("gossip stopped: left the cluster, sockets closed");
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLiveness(Liveness detector) {
        liveness = detector;
        GossipRuntime current = runtime;
        if (current != null) {
            current.setLiveness(detector);
        }
    }

    void unbindLiveness(Liveness detector) {
        if (liveness != detector) {
            return;
        }
        liveness = null;
        GossipRuntime current = runtime;
        if (current != null) {
            current.setLiveness(null);
        }
    }

    /** The engine's knobs from the configuration: milliseconds to nanoseconds, datagram to message budget. */
    static GossipSettings gossipSettings(GossipConfig config) {
        return new GossipSettings(ms(config.roundIntervalInMs()), config.rumorFanout(), config.confirmations(),
                ms(config.suspicionTimeoutInMs()), ms(config.failureTimeoutInMs()), ms(config.reapDelayInMs()),
                ms(config.pushPullIntervalInMs()), config.maxDatagramBytes() - Envelope.OVERHEAD_BYTES,
                ms(config.pauseThresholdInMs()), ms(config.pauseGraceInMs()));
    }

    static TransportSettings transportSettings(GossipConfig config, NodeSettings node) {
        return new TransportSettings(node.bindAddress(), node.port(), config.maxDatagramBytes(),
                config.maxFrameBytes(), config.ioTimeoutInMs(), config.maxConnections(), config.queueDepth());
    }

    private static long ms(long milliseconds) {
        return milliseconds * 1_000_000L;
    }

    private GossipRuntime running() {
        GossipRuntime current = runtime;
        if (current == null) {
            throw new IllegalStateException("gossip is not running");
        }
        return current;
    }

    @Override
    public String clusterName() {
        return running().clusterName();
    }

    @Override
    public Member local() {
        return running().local();
    }

    @Override
    public List<Member> members() {
        return running().members();
    }

    @Override
    public Optional<Member> member(String name) {
        return running().member(name);
    }

    @Override
    public void setApplicationState(String key, String value) {
        running().setApplicationState(key, value);
    }

    @Override
    public void addSeed(String host, int port) {
        running().addSeed(host, port);
    }

    @Override
    public void leave() {
        running().leave();
    }

    @Override
    public GossipStats stats() {
        return running().stats();
    }

    /** Activation refused with a clear reason; no stack trace, since the message says it all. */
    static final class RefusedToStart extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        RefusedToStart(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
