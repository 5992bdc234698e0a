package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.punnet.deploy.api.BundleInfo;
import io.punnet.detector.api.PeerAssessment;
import io.punnet.gossip.api.Member;
import io.punnet.metadata.api.Metadata;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

/**
 * The full v1 view of one node, from what this node knows of it:
 * <pre>
 * {"name", "local", "host", "gossipPort", "gossipEndpoint", "httpPort", "status", "generation",
 *  "heartbeat", "phi": {…, "explanation"} | null, "suspects": […], "monitoring": {…, "ageMs"} | null,
 *  "services": […] | null, "tags": […] | null,
 *  "bundles": [{"symbolicName", "version", "state", "digest"}, …] | null}
 * </pre>
 * A part is null when its service is not running here (or, for phi, for this node itself and for
 * members without heartbeat history): the view never fails for a missing part. The bundles come
 * from the deploy service (which decodes its paged gossip format), never from the raw gossip value.
 */
public final class NodeView {

    /** The application-state key in which each node publishes its HTTP port. */
    public static final String HTTP_KEY = "http";
    /** The reserved key in which gossip publishes each node's suspects, comma-separated. */
    public static final String SUSPECTS_KEY = "gossip.suspects";
    private NodeView() {
    }

    /** The view of one member; any of the last four arguments may be null (part unknown). */
    public static Map<String, Object> of(Member member, PeerAssessment assessment, MetricsReading reading,
            Metadata metadata, List<BundleInfo> bundles) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", member.name());
        view.put("local", member.local());
        view.put("host", member.host());
        view.put("gossipPort", member.gossipPort());
        view.put("gossipEndpoint", member.gossipEndpoint());
        view.put("httpPort", httpPort(member));
        view.put("status", member.status().name());
        view.put("generation", member.generation());
        view.put("heartbeat", member.heartbeat());
        view.put("phi", assessment == null ? null : phi(assessment));
        view.put("suspects", suspects(member));
        view.put("monitoring", reading == null ? null : monitoring(reading));
        view.put("services", metadata == null ? null : metadata.services());
        view.put("tags", metadata == null ? null : metadata.tags());
        view.put("bundles", DeployViews.bundleList(bundles));
        return view;
    }

    /** The HTTP port a member published, or null (not published, or not a port). */
    public static Integer httpPort(Member member) {
        String value = member.state(HTTP_KEY);
        if (value == null || value.isEmpty() || value.length() > 5) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return null;
            }
        }
        int port = Integer.parseInt(value);
        return port > 0 && port < 65536 ? port : null;
    }

    /** The members a node gossips as its suspects (SUSPECT first, then DEAD until reaped). */
    public static List<String> suspects(Member member) {
        String value = member.state(SUSPECTS_KEY);
        List<String> names = new ArrayList<>();
        if (value != null) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    static Map<String, Object> phi(PeerAssessment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("value", a.phi());
        view.put("threshold", a.threshold());
        view.put("level", a.level());
        view.put("suspect", a.suspect());
        view.put("meanIntervalMs", a.meanIntervalMs());
        view.put("stdDeviationMs", a.stdDeviationMs());
        view.put("samples", a.samples());
        view.put("lastHeartbeatAgeMs", a.lastHeartbeatAgeMs());
        view.put("heartbeatsSeen", a.heartbeatsSeen());
        view.put("explanation", explain(a));
        return view;
    }

    /** One sentence that says why phi is what it is. */
    static String explain(PeerAssessment a) {
        if (a.generation() < 0 || a.heartbeatsSeen() == 0) {
            return "no heartbeat seen yet: not judged";
        }
        if (a.samples() == 0) {
            return String.format(Locale.ROOT, "one heartbeat seen %.0f ms ago: too little history to judge",
                    a.lastHeartbeatAgeMs());
        }
        String verdict = a.suspect() ? "suspected: phi %.2f >= threshold %.2f" : "trusted: phi %.2f < threshold %.2f";
        return String.format(Locale.ROOT, verdict + "; last heartbeat %.0f ms ago, heartbeats every %.0f ms"
                + " (sd %.0f ms) over %d intervals", a.phi(), a.threshold(), a.lastHeartbeatAgeMs(),
                a.meanIntervalMs(), a.stdDeviationMs(), a.samples());
    }

    static Map<String, Object> monitoring(MetricsReading reading) {
        NodeMetrics m = reading.metrics();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("cpuPercent", m.cpuPercent());
        view.put("load1", m.load1());
        view.put("load5", m.load5());
        view.put("load15", m.load15());
        view.put("cpuCount", m.cpuCount());
        view.put("memTotalBytes", m.memTotalBytes());
        view.put("memUsedBytes", m.memUsedBytes());
        view.put("memAvailableBytes", m.memAvailableBytes());
        view.put("swapTotalBytes", m.swapTotalBytes());
        view.put("swapUsedBytes", m.swapUsedBytes());
        view.put("temperatureCelsius", m.temperatureCelsius());
        view.put("diskTotalBytes", m.diskTotalBytes());
        view.put("diskFreeBytes", m.diskFreeBytes());
        view.put("uptimeSeconds", m.uptimeSeconds());
        view.put("jvmHeapUsedBytes", m.jvmHeapUsedBytes());
        view.put("jvmHeapMaxBytes", m.jvmHeapMaxBytes());
        view.put("jvmThreads", m.jvmThreads());
        view.put("sampledAtMillis", m.sampledAtMillis());
        view.put("ageMs", reading.ageMillis());
        return view;
    }
}
