package io.punnet.monitoring.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.ClusterListener;
import io.punnet.gossip.api.Member;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.core.MetricsCodec;
import io.punnet.monitoring.core.MetricsTable;

/**
 * Answers "what is the load of every node" from memory. It listens to gossip (a
 * {@link ClusterListener} on the whiteboard) so that each value's receive time is exact, and
 * reconciles with {@link Cluster#members()} before each answer, which covers values that were
 * there before it started and members that were reaped. Ages are on this node's monotonic clock.
 */
@Component(service = {ClusterMetrics.class, ClusterListener.class})
public final class ClusterMetricsComponent implements ClusterMetrics, ClusterListener {

    private final Cluster cluster;
    private final LongSupplier monotonicMillis;
    private final MetricsTable table = new MetricsTable(new MetricsCodec());

    @Activate
    public ClusterMetricsComponent(@Reference(name = "cluster") Cluster cluster) {
        this(cluster, () -> System.nanoTime() / 1_000_000);
    }

    ClusterMetricsComponent(Cluster cluster, LongSupplier monotonicMillis) {
        this.cluster = cluster;
        this.monotonicMillis = monotonicMillis;
        reconcile();
    }

    @Override
    public void clusterChanged(ClusterEvent event) {
        Member member = event.member();
        switch (event.type()) {
            case REMOVED -> table.forget(member.name());
            case STATE_CHANGED, JOINED, RESTARTED ->
                    table.offer(member.name(), member.state(MetricsCodec.KEY), monotonicMillis.getAsLong());
            default -> { } // status changes do not change metrics
        }
    }

    @Override
    public Optional<MetricsReading> of(String node) {
        reconcile();
        return table.reading(node, monotonicMillis.getAsLong());
    }

    @Override
    public Map<String, MetricsReading> all() {
        reconcile();
        return table.all(monotonicMillis.getAsLong());
    }

    private void reconcile() {
        Map<String, String> values = new HashMap<>();
        for (Member member : cluster.members()) {
            values.put(member.name(), member.state(MetricsCodec.KEY));
        }
        table.reconcile(values, monotonicMillis.getAsLong());
    }
}
