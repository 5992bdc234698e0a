package io.punnet.discovery.internal;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.InterfaceFacts;
import io.punnet.discovery.core.Seed;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * The discovery bundle's one component: announces this node with mDNS on the chosen interfaces and
 * hands every node of the same cluster it hears about to {@link Cluster#addSeed}. It never adds a
 * member itself: gossip does, after an authenticated exchange, so a forged announcement never
 * enters the membership.
 *
 * <ul>
 * <li>Who this node is (cluster, name, gossip port) comes from the {@link Cluster} itself, so it is
 *     what gossip really uses; the HTTP port and the interfaces come from framework properties
 *     ({@link DiscoverySettings}).</li>
 * <li>Static seeds ({@code punnet.seeds}) are fed by the gossip bundle; this component does not
 *     repeat them, and with {@code punnet.discovery.interfaces=none} it does nothing at all.</li>
 * <li>It queries for peers every {@code browseIntervalInMs} (30 s) while gossip knows no other live
 *     member, and every {@code joinedBrowseIntervalInMs} (5 min) once it does: new nodes announce
 *     themselves, and the rare query is what merges two halves that booted apart.</li>
 * <li>Activation and deactivation return at once: responders start and close on background
 *     threads (JmDNS's close takes about two seconds).</li>
 * <li>A change of the configuration {@code io.punnet.discovery} restarts the component; a new
 *     {@link Cluster} (gossip restarted) restarts it too, and the new one learns every peer again.</li>
 * </ul>
 */
@Component(immediate = true, configurationPid = DiscoveryComponent.PID)
@Designate(ocd = DiscoveryConfig.class)
public final class DiscoveryComponent {

    /** The configuration pid. */
    public static final String PID = "io.punnet.discovery";
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryComponent.class);

    private final DiscoveryRuntime runtime;

    @Activate
    public DiscoveryComponent(@Reference(name = "cluster") Cluster cluster, BundleContext context, DiscoveryConfig config) {
        this(cluster, context::getProperty, config, InterfaceScanner::scan, JmdnsResponder::start);
    }

    /** The seams for tests: framework properties, the interface list and the responders. */
    DiscoveryComponent(Cluster cluster, Function<String, String> property, DiscoveryConfig config,
            Supplier<List<InterfaceFacts>> scanner, ResponderFactory factory) {
        DiscoverySettings settings;
        try {
            settings = DiscoverySettings.from(config, property);
        } catch (IllegalArgumentException e) {
            LOG.error("discovery not started: {}", e.getMessage());
            throw new IllegalStateException("discovery not started: " + e.getMessage(), e);
        }
        if (settings.interfaces().none()) {
            LOG.info("mDNS off ({}=none): the cluster is found through the static seeds only",
                    DiscoverySettings.INTERFACES);
            runtime = null;
            return;
        }
        Member local = cluster.local();
        Announcement self = Announcement.of(cluster.clusterName(), local.name(), local.gossipPort(),
                settings.httpPort());
        Consumer<Seed> seeds = seed -> cluster.addSeed(seed.host(), seed.port());
        runtime = new DiscoveryRuntime(settings, self, seeds, scanner, () -> alone(cluster), factory);
        runtime.start();
    }

    /**
     * Whether gossip knows no live member but this node. If gossip cannot say (it is stopping), the node
     * counts as alone: browsing once too often costs one query, not browsing could cost a merge.
     */
    static boolean alone(Cluster cluster) {
        try {
            for (Member m : cluster.members()) {
                if (!m.local() && m.status().isLive()) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true;
        }
    }

    @Deactivate
    void deactivate() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /** The runtime, for tests; null when mDNS is off. */
    DiscoveryRuntime runtime() {
        return runtime;
    }
}
