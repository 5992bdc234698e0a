package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.punnet.gossip.api.Member;

/**
 * The v1 views of the cluster:
 * <pre>
 *   GET /api/v1/node              this node's view, with "cluster" and "uptimeMs"
 *   GET /api/v1/nodes             {"cluster", "local", "nodes": [view, …]} every member, any status
 *   GET /api/v1/nodes/{name}      one member's view, or 404
 *   GET /api/v1/suspicions        who suspects whom: {"observers": {node: [suspects]}, "suspected": {node: [observers]}}
 * </pre>
 * The full view carries heartbeats and phi, which change every round, so it is cached only for a
 * short age; events invalidate it sooner.
 */
public final class NodeRoutes implements RouteGroup {

    private final Supplier<Sources> sources;
    private final Json json;
    private final Problems problems;
    private final RenderCache cache;
    private final long liveMaxAgeMs;
    private final LongSupplier uptimeMs;

    public NodeRoutes(Supplier<Sources> sources, Json json, Problems problems, RenderCache cache, long liveMaxAgeMs,
            LongSupplier uptimeMs) {
        this.sources = sources;
        this.json = json;
        this.problems = problems;
        this.cache = cache;
        this.liveMaxAgeMs = liveMaxAgeMs;
        this.uptimeMs = uptimeMs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/node", call -> local()),
                Route.get("/api/v1/nodes", call -> cache.get("v1.nodes", liveMaxAgeMs, this::nodes)),
                Route.get("/api/v1/nodes/{name}", this::node),
                Route.get("/api/v1/suspicions", call -> suspicions()));
    }

    private Reply local() {
        Snapshot snapshot = Snapshot.take(sources.get());
        Member local = snapshot.cluster().local();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", local.name());
        view.put("cluster", snapshot.cluster().clusterName());
        view.put("uptimeMs", uptimeMs.getAsLong());
        view.putAll(snapshot.view(local));
        return Reply.json(200, json.bytes(view));
    }

    Reply nodes() {
        Snapshot snapshot = Snapshot.take(sources.get());
        List<Object> nodes = new ArrayList<>();
        for (Member member : snapshot.members()) {
            nodes.add(snapshot.view(member));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cluster", snapshot.cluster().clusterName());
        body.put("local", snapshot.cluster().local().name());
        body.put("nodes", nodes);
        return Reply.json(200, json.bytes(body));
    }

    private Reply node(Call call) {
        String name = call.param("name");
        String problem = Names.nodeProblem(name);
        if (problem != null) {
            return problems.of(400, problem);
        }
        Snapshot snapshot = Snapshot.take(sources.get());
        Optional<Member> member = snapshot.members().stream().filter(m -> m.name().equals(name)).findFirst();
        if (member.isEmpty()) {
            return problems.of(404, "no node '" + name + "' in this node's view of the cluster");
        }
        return Reply.json(200, json.bytes(snapshot.view(member.get())));
    }

    Reply suspicions() {
        Map<String, List<String>> observers = new TreeMap<>();
        Map<String, List<String>> suspected = new TreeMap<>();
        for (Member member : Alive.sorted(sources.get().requireCluster().members())) {
            if (!member.status().isLive()) {
                continue; // a dead node's opinion is stale
            }
            List<String> suspects = NodeView.suspects(member);
            observers.put(member.name(), suspects);
            for (String suspect : suspects) {
                suspected.computeIfAbsent(suspect, s -> new ArrayList<>()).add(member.name());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("observers", observers);
        body.put("suspected", suspected);
        return Reply.json(200, json.bytes(body));
    }
}
