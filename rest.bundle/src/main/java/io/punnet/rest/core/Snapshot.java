package io.punnet.rest.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.detector.api.PeerAssessment;
import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;
import io.punnet.metadata.api.Metadata;
import io.punnet.monitoring.api.MetricsReading;

/**
 * Everything one answer needs, read once: the members (sorted by name) and, when their services
 * are there, every reading, meta-data and assessment. A service that is missing, or that fails
 * because it is stopping at that very moment, leaves its part null instead of failing the answer.
 */
public final class Snapshot {

    private final Cluster cluster;
    private final List<Member> members;
    private final Map<String, MetricsReading> readings;
    private final Map<String, Metadata> metadata;
    private final Map<String, PeerAssessment> assessments;
    private final Map<String, List<BundleInfo>> bundles;

    private Snapshot(Cluster cluster, List<Member> members, Map<String, MetricsReading> readings,
            Map<String, Metadata> metadata, Map<String, PeerAssessment> assessments,
            Map<String, List<BundleInfo>> bundles) {
        this.cluster = cluster;
        this.members = members;
        this.readings = readings;
        this.metadata = metadata;
        this.assessments = assessments;
        this.bundles = bundles;
    }

    /** Reads the sources; 503 (an {@link IllegalStateException}) only when gossip itself is missing. */
    public static Snapshot take(Sources sources) {
        Cluster cluster = sources.requireCluster();
        List<Member> members = Alive.sorted(cluster.members());
        Map<String, MetricsReading> readings = sources.metrics() == null ? null : quietly(() -> sources.metrics().all());
        Map<String, Metadata> metadata = sources.metadata() == null ? null : quietly(() -> sources.metadata().all());
        Map<String, PeerAssessment> assessments = null;
        if (sources.detector() != null) {
            List<PeerAssessment> all = quietly(() -> sources.detector().assessAll());
            if (all != null) {
                assessments = new HashMap<>();
                for (PeerAssessment a : all) {
                    assessments.put(a.member(), a);
                }
            }
        }
        Map<String, List<BundleInfo>> bundles = sources.deployments() == null ? null
                : quietly(() -> sources.deployments().bundles());
        return new Snapshot(cluster, members, readings, metadata, assessments, bundles);
    }

    private static <T> T quietly(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalStateException stopping) {
            return null;
        }
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<Member> members() {
        return members;
    }

    /** The reading of a node, or null (unknown, or monitoring not running). */
    public MetricsReading reading(String node) {
        return readings == null ? null : readings.get(node);
    }

    /** The meta-data of a node, or null when the meta-data service is not running here. */
    public Metadata metadata(String node) {
        return metadata == null ? null : metadata.getOrDefault(node, Metadata.empty());
    }

    /** The detector's assessment of a node, or null (none, this node itself, or no detector). */
    public PeerAssessment assessment(String node) {
        return assessments == null ? null : assessments.get(node);
    }

    /** The bundles a node runs, empty when it reported none, null when deploy is not running here. */
    public List<BundleInfo> bundles(String node) {
        return bundles == null ? null : bundles.getOrDefault(node, List.of());
    }

    public boolean hasMonitoring() {
        return readings != null;
    }

    public boolean hasMetadata() {
        return metadata != null;
    }

    public boolean hasDetector() {
        return assessments != null;
    }

    /** The full view of one member. */
    public Map<String, Object> view(Member member) {
        return NodeView.of(member, assessment(member.name()), reading(member.name()), metadata(member.name()),
                bundles(member.name()));
    }
}
