package io.punnet.rest.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;

/**
 * Liveness and readiness, for systemd watchdogs, load balancers and Kubernetes-style probes:
 * <pre>
 *   GET /api/v1/health/live    200 {"status": "UP"} whenever the API answers at all
 *   GET /api/v1/health/ready   200 when gossip runs (the node takes part in the cluster), else 503
 *   GET /api/v1/health         the same status code as ready, with every part:
 *       {"status": "UP" | "DEGRADED" | "DOWN", "live": true, "ready": …,
 *        "components": {"gossip": {…}, "detector": "UP" | "ABSENT", "monitoring": …, "metadata": …}}
 * </pre>
 * A missing optional part (monitoring being swapped, say) makes the node DEGRADED, still ready.
 */
public final class HealthRoutes implements RouteGroup {

    private final Supplier<Sources> sources;
    private final Json json;

    public HealthRoutes(Supplier<Sources> sources, Json json) {
        this.sources = sources;
        this.json = json;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/health", call -> health(true)),
                Route.get("/api/v1/health/ready", call -> health(false)),
                Route.get("/api/v1/health/live", call -> Reply.json(200, json.bytes(Map.of("status", "UP")))));
    }

    Reply health(boolean detailed) {
        Sources now = sources.get();
        Map<String, Object> gossip = gossip(now.cluster());
        boolean ready = "UP".equals(gossip.get("status"));
        boolean complete = now.detector() != null && now.metrics() != null && now.metadata() != null;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !ready ? "DOWN" : complete ? "UP" : "DEGRADED");
        body.put("live", true);
        body.put("ready", ready);
        if (detailed) {
            Map<String, Object> components = new LinkedHashMap<>();
            components.put("gossip", gossip);
            components.put("detector", now.detector() == null ? "ABSENT" : "UP");
            components.put("monitoring", now.metrics() == null ? "ABSENT" : "UP");
            components.put("metadata", now.metadata() == null ? "ABSENT" : "UP");
            body.put("components", components);
        }
        return Reply.json(ready ? 200 : 503, json.bytes(body));
    }

    private static Map<String, Object> gossip(Cluster cluster) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (cluster == null) {
            view.put("status", "ABSENT");
            return view;
        }
        try {
            List<Member> members = cluster.members();
            view.put("status", "UP");
            view.put("members", members.size());
            view.put("live", members.stream().filter(m -> m.status().isLive()).count());
        } catch (IllegalStateException stopping) {
            view.put("status", "DOWN");
            view.put("reason", String.valueOf(stopping.getMessage()));
        }
        return view;
    }
}
