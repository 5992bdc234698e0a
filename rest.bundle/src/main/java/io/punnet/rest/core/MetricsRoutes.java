package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.punnet.detector.api.FailureDetector;
import io.punnet.detector.api.PeerAssessment;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.monitoring.api.MetricsReading;

/**
 * Prometheus scrapes:
 * <ul>
 * <li>{@code GET /metrics}: this node's sample ({@link NodeGauges}), the gossip counters (rounds,
 *     packets, bytes, drops by reason, convictions, members by status), the detector's view
 *     (phi, threshold and heartbeat statistics per peer, local pauses) and the REST API's own
 *     figures (event streams open, slow streams dropped);</li>
 * <li>{@code GET /metrics/cluster}: every node's gossiped sample with a {@code node} label, its
 *     status and the age of its sample, so that one scrape of any node covers the cluster.</li>
 * </ul>
 * Parts whose service is not running are left out; the scrape still succeeds.
 */
public final class MetricsRoutes implements RouteGroup {

    private final Supplier<Sources> sources;
    private final Supplier<Map<String, Long>> restFigures;

    /**
     * @param restFigures the REST bundle's own figures by metric name (a name ending in
     *                    {@code _total} is a counter, any other a gauge), such as open event streams
     */
    public MetricsRoutes(Supplier<Sources> sources, Supplier<Map<String, Long>> restFigures) {
        this.sources = sources;
        this.restFigures = restFigures;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/metrics", call -> Reply.prometheus(local())),
                Route.get("/metrics/cluster", call -> Reply.prometheus(cluster())));
    }

    String local() {
        Sources now = sources.get();
        Cluster cluster = now.requireCluster();
        PrometheusText text = new PrometheusText();
        Member local = cluster.local();
        MetricsReading reading = now.metrics() == null ? null : quietly(() -> now.metrics().of(local.name()).orElse(null));
        if (reading != null) {
            for (NodeGauges.Gauge gauge : NodeGauges.ALL) {
                text.family(gauge.name(), "gauge", gauge.help());
                text.sample(gauge.name(), gauge.read().apply(reading.metrics()), gauge.labels().toArray(String[]::new));
            }
        }
        gossip(text, cluster);
        if (now.detector() != null) {
            detector(text, now.detector());
        }
        new TreeMap<>(restFigures.get()).forEach((name, value) ->
                text.family(name, name.endsWith("_total") ? "counter" : "gauge", "The REST API: " + name.replace('_', ' ') + ".")
                        .sample(name, value));
        return text.toString();
    }

    private static void gossip(PrometheusText text, Cluster cluster) {
        GossipStats stats = cluster.stats();
        counter(text, "punnet_gossip_rounds_total", "Gossip rounds run.", stats.rounds());
        counter(text, "punnet_gossip_packets_sent_total", "Datagrams and stream messages sent.", stats.packetsSent());
        counter(text, "punnet_gossip_packets_received_total", "Datagrams and stream messages accepted.",
                stats.packetsReceived());
        counter(text, "punnet_gossip_bytes_sent_total", "Bytes sent on the wire.", stats.bytesSent());
        counter(text, "punnet_gossip_bytes_received_total", "Bytes received on the wire.", stats.bytesReceived());
        text.family("punnet_gossip_dropped_total", "counter", "Packets dropped, by reason.");
        new TreeMap<>(stats.dropped()).forEach((reason, count) ->
                text.sample("punnet_gossip_dropped_total", count, "reason", reason));
        counter(text, "punnet_gossip_convictions_total", "DEAD verdicts this node reached.", stats.convictions());
        Map<MemberStatus, Integer> byStatus = new EnumMap<>(MemberStatus.class);
        for (MemberStatus status : MemberStatus.values()) {
            byStatus.put(status, 0);
        }
        for (Member member : cluster.members()) {
            byStatus.merge(member.status(), 1, Integer::sum);
        }
        text.family("punnet_gossip_members", "gauge", "Members known to this node, by status.");
        byStatus.forEach((status, count) ->
                text.sample("punnet_gossip_members", count, "status", status.name().toLowerCase(Locale.ROOT)));
    }

    private static void detector(PrometheusText text, FailureDetector detector) {
        List<PeerAssessment> all = quietly(detector::assessAll);
        if (all == null) {
            return;
        }
        text.family("punnet_detector_phi_threshold", "gauge", "The phi at and above which a peer is suspected.");
        text.sample("punnet_detector_phi_threshold", quietly(detector::threshold));
        counter(text, "punnet_detector_local_pauses_total", "Pauses of this node forgiven to its peers.",
                quietly(detector::localPauses));
        peerGauge(text, all, "punnet_detector_phi", "Phi accrual suspicion level of each peer.", PeerAssessment::phi);
        peerGauge(text, all, "punnet_detector_suspected", "1 when this node suspects the peer.",
                a -> a.suspect() ? 1 : 0);
        peerGauge(text, all, "punnet_detector_heartbeat_interval_mean_seconds", "Mean interval between heartbeats.",
                a -> a.meanIntervalMs() / 1000.0);
        peerGauge(text, all, "punnet_detector_heartbeat_interval_stddev_seconds", "Standard deviation of the intervals.",
                a -> a.stdDeviationMs() / 1000.0);
        peerGauge(text, all, "punnet_detector_heartbeat_age_seconds", "Time since the last heartbeat.",
                a -> a.lastHeartbeatAgeMs() / 1000.0);
    }

    private static void peerGauge(PrometheusText text, List<PeerAssessment> all, String name, String help,
            java.util.function.Function<PeerAssessment, Number> read) {
        text.family(name, "gauge", help);
        for (PeerAssessment a : all) {
            text.sample(name, read.apply(a), "peer", a.member());
        }
    }

    private static void counter(PrometheusText text, String name, String help, Number value) {
        text.family(name, "counter", help).sample(name, value);
    }

    String cluster() {
        Snapshot snapshot = Snapshot.take(sources.get());
        PrometheusText text = new PrometheusText();
        text.family("punnet_node_up", "gauge", "1 when this node sees the member ALIVE.");
        for (Member member : snapshot.members()) {
            text.sample("punnet_node_up", member.status() == MemberStatus.ALIVE ? 1 : 0, "node", member.name(),
                    "status", member.status().name().toLowerCase(Locale.ROOT));
        }
        List<Member> measured = new ArrayList<>();
        for (Member member : snapshot.members()) {
            if (snapshot.reading(member.name()) != null) {
                measured.add(member);
            }
        }
        text.family("punnet_metrics_age_seconds", "gauge", "Age of the member's last sample as received here.");
        for (Member member : measured) {
            text.sample("punnet_metrics_age_seconds", snapshot.reading(member.name()).ageMillis() / 1000.0,
                    "node", member.name());
        }
        for (NodeGauges.Gauge gauge : NodeGauges.ALL) {
            text.family(gauge.name(), "gauge", gauge.help());
            for (Member member : measured) {
                List<String> labels = new ArrayList<>(List.of("node", member.name()));
                labels.addAll(gauge.labels());
                text.sample(gauge.name(), gauge.read().apply(snapshot.reading(member.name()).metrics()),
                        labels.toArray(String[]::new));
            }
        }
        return text.toString();
    }

    private static <T> T quietly(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalStateException stopping) {
            return null;
        }
    }
}
