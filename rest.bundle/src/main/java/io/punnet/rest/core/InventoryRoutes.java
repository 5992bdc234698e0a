package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.metadata.api.Metadata;
import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

/**
 * The cluster as an Ansible dynamic inventory ({@code --list} JSON), at {@code GET /api/v1/inventory}
 * and {@code GET /inventory}: a script {@code curl -s http://any-node:8080/inventory} is a complete
 * inventory. Hosts are node names; {@code ansible_host} is the node's address.
 * <pre>
 * {"alive":                 {"hosts": [ALIVE nodes]},
 *  "&lt;service&gt;":             {"hosts": [nodes whose meta-data lists it, any status]},
 *  "&lt;service&gt;_available":   {"hosts": [those that are ALIVE]},
 *  "tag_&lt;tag&gt;":             {"hosts": [nodes with the tag]},
 *  "_meta": {"hostvars": {node: {"ansible_host", "punnet_status", "punnet_services", "punnet_tags",
 *            "punnet_load1", …, "punnet_mem_available_bytes", "punnet_temperature_celsius", …}}}}
 * </pre>
 * Group names keep only {@code [A-Za-z0-9_]} (other characters become {@code _}), as Ansible wants.
 */
public final class InventoryRoutes implements RouteGroup {

    private static final Set<String> RESERVED = Set.of("alive", "all", "ungrouped", "_meta");

    private final Supplier<Sources> sources;
    private final Json json;
    private final RenderCache cache;
    private final long maxAgeMs;

    public InventoryRoutes(Supplier<Sources> sources, Json json, RenderCache cache, long maxAgeMs) {
        this.sources = sources;
        this.json = json;
        this.cache = cache;
        this.maxAgeMs = maxAgeMs;
    }

    @Override
    public List<Route> routes() {
        Handler handler = call -> cache.get("inventory", maxAgeMs, this::inventory);
        return List.of(Route.get("/api/v1/inventory", handler), Route.get("/inventory", handler));
    }

    Reply inventory() {
        Snapshot snapshot = Snapshot.take(sources.get());
        Map<String, List<String>> groups = new TreeMap<>();
        Map<String, Object> hostvars = new TreeMap<>();
        groups.put("alive", new ArrayList<>());
        for (Member member : snapshot.members()) {
            boolean alive = member.status() == MemberStatus.ALIVE;
            if (alive) {
                groups.get("alive").add(member.name());
            }
            Metadata metadata = snapshot.metadata(member.name());
            if (metadata != null) {
                for (String service : metadata.services()) {
                    String group = serviceGroup(service);
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(member.name());
                    List<String> available = groups.computeIfAbsent(group + "_available", g -> new ArrayList<>());
                    if (alive) {
                        available.add(member.name());
                    }
                }
                for (String tag : metadata.tags()) {
                    groups.computeIfAbsent("tag_" + groupName(tag), g -> new ArrayList<>()).add(member.name());
                }
            }
            hostvars.put(member.name(), hostvars(member, metadata, snapshot.reading(member.name())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        groups.forEach((group, hosts) -> body.put(group, Map.of("hosts", hosts)));
        body.put("_meta", Map.of("hostvars", hostvars));
        return Reply.json(200, json.bytes(body));
    }

    private static Map<String, Object> hostvars(Member member, Metadata metadata, MetricsReading reading) {
        NodeMetrics m = reading == null ? NodeMetrics.unknown() : reading.metrics();
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("ansible_host", member.host());
        vars.put("punnet_status", member.status().name());
        vars.put("punnet_gossip_endpoint", member.gossipEndpoint());
        vars.put("punnet_http_port", NodeView.httpPort(member));
        vars.put("punnet_services", metadata == null ? null : metadata.services());
        vars.put("punnet_tags", metadata == null ? null : metadata.tags());
        vars.put("punnet_cpu_count", m.cpuCount());
        vars.put("punnet_cpu_percent", m.cpuPercent());
        vars.put("punnet_load1", m.load1());
        vars.put("punnet_load5", m.load5());
        vars.put("punnet_load15", m.load15());
        vars.put("punnet_mem_total_bytes", m.memTotalBytes());
        vars.put("punnet_mem_available_bytes", m.memAvailableBytes());
        vars.put("punnet_temperature_celsius", m.temperatureCelsius());
        vars.put("punnet_disk_free_bytes", m.diskFreeBytes());
        return vars;
    }

    /** A service's group: its name made a valid group name, kept clear of the reserved groups. */
    static String serviceGroup(String service) {
        String group = groupName(service);
        return RESERVED.contains(group) || group.startsWith("tag_") ? "service_" + group : group;
    }

    static String groupName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
