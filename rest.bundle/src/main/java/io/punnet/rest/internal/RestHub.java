package io.punnet.rest.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;

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

import io.punnet.deploy.api.Deployments;
import io.punnet.detector.api.FailureDetector;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.rest.core.Api;
import io.punnet.rest.core.ApiSettings;
import io.punnet.rest.core.EventFrames;
import io.punnet.rest.core.Guard;
import io.punnet.rest.core.Json;
import io.punnet.rest.core.NodeView;
import io.punnet.rest.core.Problems;
import io.punnet.rest.core.Sources;
import io.punnet.rest.core.TokenCheck;

/**
 * The heart of the REST bundle: holds the services the API reads, each referenced optionally and
 * dynamically (a volatile field, copied into a {@link Sources} once per call), so that while
 * monitoring, meta-data, the detector, deploy or even gossip are being swapped the API answers without
 * that part instead of disappearing. It listens to the cluster (a whiteboard
 * {@link ClusterListener}) to invalidate the render cache and feed the event streams, and it
 * publishes this node's HTTP port into gossip ({@value NodeView#HTTP_KEY}) so that other nodes can
 * forward changes here. The servlets reach it as a service.
 */
@Component(service = {RestHub.class, ClusterListener.class}, configurationPid = RestConfig.PID)
@Designate(ocd = RestConfig.class)
public final class RestHub implements ClusterListener {

    private static final Logger LOG = LoggerFactory.getLogger(RestHub.class);

    private volatile Cluster cluster;
    private volatile ClusterMetrics metrics;
    private volatile MetadataStore metadata;
    private volatile FailureDetector detector;
    private volatile Deployments deployments;

    private volatile String httpPort;
    private volatile VersionedCache cache;
    private volatile EventHub events;
    private Api api;
    private NodeSettings settings;
    private RestConfig config;

    @Activate
    void activate(BundleContext context, RestConfig config) {
        this.config = config;
        this.settings = NodeSettings.from(context);
        this.cache = new VersionedCache(() -> System.nanoTime() / 1_000_000);
        Json json = new Json();
        this.api = newApi(config, settings, new Problems(json));
        this.events = new EventHub(config.maxEventStreams(), config.eventQueueInFrames(), config.keepAliveInMs(),
                new EventFrames(json));
        if (settings.token().isBlank()) {
            LOG.warn("punnet.api.token is not set: every change through the REST API is refused");
        }
        this.httpPort = Integer.toString(settings.httpPort());
        publishHttpPort(cluster, httpPort);
    }

    private Api newApi(RestConfig config, NodeSettings settings, Problems problems) {
        Guard guard = new Guard(new TokenCheck(settings.token()), settings.openNetworks());
        HttpForwarder forwarder = new HttpForwarder(Duration.ofMillis(config.forwardTimeoutInMs()), settings.nodeName(),
                problems);
        return new Api(this::sources, cache, guard, forwarder,
                new ApiSettings(config.legacyMaxAgeInMs(), config.liveMaxAgeInMs()),
                () -> ManagementFactory.getRuntimeMXBean().getUptime(), this::figures, e -> LOG.error("REST route failed", e));
    }

    @Deactivate
    void deactivate() {
        events.close();
        publishHttpPort(cluster, ""); // other nodes stop forwarding here
        httpPort = null;
    }

    /** The REST API's own figures for /metrics. */
    private Map<String, Long> figures() {
        EventHub hub = events;
        if (hub == null) {
            return Map.of();
        }
        return Map.of("punnet_rest_event_streams", (long) hub.openStreams(),
                "punnet_rest_event_streams_dropped_slow_total", hub.droppedSlow());
    }

    /** The services now, one copy for one call. */
    Sources sources() {
        return new Sources(cluster, metrics, metadata, detector, deployments);
    }

    Api api() {
        return api;
    }

    EventHub events() {
        return events;
    }

    RestConfig config() {
        return config;
    }

    NodeSettings settings() {
        return settings;
    }

    @Override
    public void clusterChanged(ClusterEvent event) {
        VersionedCache c = cache;
        if (c != null) {
            c.invalidate();
        }
        EventHub hub = events;
        if (hub != null) {
            hub.publish(event, metrics);
        }
    }

    private void changed() {
        VersionedCache c = cache;
        if (c != null) {
            c.invalidate();
        }
    }

    private static void publishHttpPort(Cluster target, String port) {
        if (target == null || port == null) {
            return;
        }
        try {
            target.setApplicationState(NodeView.HTTP_KEY, port);
        } catch (RuntimeException e) {
            LOG.warn("cannot publish the HTTP port into gossip: {}", e.getMessage());
        }
    }

    // ---- the optional, dynamic references --------------------------------------------------------

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCluster(Cluster service) {
        cluster = service;
        publishHttpPort(service, httpPort);
        changed();
    }

    void unbindCluster(Cluster service) {
        if (cluster == service) {
            cluster = null;
        }
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(ClusterMetrics service) {
        metrics = service;
        changed();
    }

    void unbindMetrics(ClusterMetrics service) {
        if (metrics == service) {
            metrics = null;
        }
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetadata(MetadataStore service) {
        metadata = service;
        changed();
    }

    void unbindMetadata(MetadataStore service) {
        if (metadata == service) {
            metadata = null;
        }
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDetector(FailureDetector service) {
        detector = service;
        changed();
    }

    void unbindDetector(FailureDetector service) {
        if (detector == service) {
            detector = null;
        }
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDeployments(Deployments service) {
        deployments = service;
        changed();
    }

    void unbindDeployments(Deployments service) {
        if (deployments == service) {
            deployments = null;
        }
        changed();
    }
}
