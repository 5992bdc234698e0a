package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.punnet.gossip.api.Member;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;
import io.punnet.monitoring.api.ClusterMetrics;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

/**
 * The routes of the Node.js system Punnet replaces, with the same JSON shapes, so that its scripts
 * keep working:
 * <pre>
 *   GET /nodes/alive                      {"alivePeers": ["10.0.0.5:7946", …]}
 *   GET /nodes/monitoring                 {"res": [{"name", "ip", "countCPUs", "cpus", "freemem", …}, …]}
 *   GET /nodes/workingService/{service}   {"res": ["10.0.0.5", …]}
 *   PUT /meta-data/add-service/{service}     {"service": "…"} | {"err": "…"} 400/409
 *   PUT /meta-data/remove-service/{service}  {"service": "…"} | {"err": "…"} 400/404
 * </pre>
 * Without its bugs: a node whose figures are unknown is listed with nulls (never a 500), a
 * duplicate is refused (409) instead of added twice, a missing service is a 404 instead of a crash.
 * The three reads are rendered once per change of the cluster view and served from the cache.
 */
public final class LegacyRoutes implements RouteGroup {

    private static final double MIB = 1024.0 * 1024.0;

    private final Supplier<Sources> sources;
    private final Json json;
    private final Problems problems;
    private final RenderCache cache;
    private final long maxAgeMs;

    /**
     * @param maxAgeMs how long a rendered answer may be served when no event invalidated it
     */
    public LegacyRoutes(Supplier<Sources> sources, Json json, Problems problems, RenderCache cache, long maxAgeMs) {
        this.sources = sources;
        this.json = json;
        this.problems = problems;
        this.cache = cache;
        this.maxAgeMs = maxAgeMs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/nodes/alive", Access.OPEN, true, call -> cache.get("legacy.alive", maxAgeMs, this::alive)),
                new Route("GET", "/nodes/monitoring", Access.OPEN, true,
                        call -> cache.get("legacy.monitoring", maxAgeMs, this::monitoring)),
                new Route("GET", "/nodes/workingService/{service}", Access.OPEN, true, this::workingService),
                new Route("PUT", "/meta-data/add-service/{service}", Access.TOKEN_OR_OPEN_NETWORK, true,
                        call -> change(MetadataChange.ADD_SERVICE, call.param("service"))),
                new Route("PUT", "/meta-data/remove-service/{service}", Access.TOKEN_OR_OPEN_NETWORK, true,
                        call -> change(MetadataChange.REMOVE_SERVICE, call.param("service"))));
    }

    Reply alive() {
        List<String> peers = new ArrayList<>();
        for (Member member : Alive.members(sources.get().requireCluster())) {
            peers.add(member.gossipEndpoint());
        }
        return Reply.json(200, json.bytes(Map.of("alivePeers", peers)));
    }

    Reply monitoring() {
        Sources now = sources.get();
        ClusterMetrics metrics = now.metrics();
        List<Object> res = new ArrayList<>();
        for (Member member : Alive.members(now.requireCluster())) {
            NodeMetrics m = metrics == null ? NodeMetrics.unknown()
                    : metrics.of(member.name()).map(MetricsReading::metrics).orElse(NodeMetrics.unknown());
            res.add(monitoringEntry(member, m));
        }
        return Reply.json(200, json.bytes(Map.of("res", res)));
    }

    /** One node in the original shape, then the fields Punnet adds (temperature, disk, sample time). */
    static Map<String, Object> monitoringEntry(Member member, NodeMetrics m) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", member.name());
        entry.put("ip", member.host());
        entry.put("countCPUs", m.cpuCount());
        entry.put("cpus", fraction(m.cpuPercent()));
        entry.put("freemem", mebibytes(m.memAvailableBytes()));
        entry.put("totalmem", mebibytes(m.memTotalBytes()));
        entry.put("loadavg1", m.load1());
        entry.put("loadavg5", m.load5());
        entry.put("loadavg15", m.load15());
        entry.put("temperature", m.temperatureCelsius());
        entry.put("diskfree", mebibytes(m.diskFreeBytes()));
        entry.put("disktotal", mebibytes(m.diskTotalBytes()));
        entry.put("sampledAt", m.sampledAtMillis());
        return entry;
    }

    /** A percentage as a fraction 0..1, rounded to 4 decimals (31.3 % is 0.313, not 0.31299999999999994). */
    static Double fraction(Double percent) {
        return percent == null ? null : Math.round(percent * 100.0) / 10_000.0;
    }

    /** Whole mebibytes, rounded down, as the original printed them; null stays null. */
    static Long mebibytes(Long bytes) {
        return bytes == null ? null : (long) Math.floor(bytes / MIB);
    }

    private Reply workingService(Call call) {
        String service = call.param("service");
        String problem = Names.serviceProblem(service);
        if (problem != null) {
            return problems.legacy(400, problem);
        }
        return cache.get("legacy.service:" + service, maxAgeMs, () -> workingService(service));
    }

    private Reply workingService(String service) {
        Sources now = sources.get();
        MetadataStore store = now.requireMetadata();
        List<String> hosts = new ArrayList<>();
        for (Member member : Alive.members(now.requireCluster())) {
            Metadata metadata = member.local() ? store.current() : store.of(member.name()).orElse(Metadata.empty());
            if (metadata.services().contains(service)) {
                hosts.add(member.host());
            }
        }
        return Reply.json(200, json.bytes(Map.of("res", hosts)));
    }

    private Reply change(MetadataChange change, String service) {
        MetadataStore store = sources.get().requireMetadata();
        Reply reply = change.apply(store, service,
                after -> Reply.json(200, json.bytes(Map.of("service", service))), problems::legacy);
        cache.invalidate(); // the answer to the next read must show the change, before gossip reports it
        return reply;
    }
}
