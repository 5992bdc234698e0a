package io.punnet.rest.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.Member;
import io.punnet.metadata.api.Metadata;
import io.punnet.metadata.api.MetadataStore;

/**
 * The meta-data of every node, read from any node, changed through the node that owns it:
 * <pre>
 *   GET    /api/v1/meta-data                                  {node: {"services", "tags"}, …}
 *   GET    /api/v1/nodes/{name}/meta-data                     {"node", "services", "tags"}
 *   PUT    /api/v1/nodes/{name}/meta-data/services/{service}  adds (token); 409 duplicate, 400 bad name
 *   DELETE /api/v1/nodes/{name}/meta-data/services/{service}  removes (token); 404 missing
 *   PUT    /api/v1/nodes/{name}/meta-data/tags/{tag}          and DELETE: the same for tags
 * </pre>
 * A change for another node is forwarded to it (its address from gossip, its port from its
 * published {@code http} state); the answer is the owner's.
 */
public final class MetadataRoutes implements RouteGroup {

    private static final String CHANGE = "/api/v1/nodes/{name}/meta-data/{kind}/{value}";

    private final Supplier<Sources> sources;
    private final Json json;
    private final Problems problems;
    private final RenderCache cache;
    private final Forwarder forwarder;

    public MetadataRoutes(Supplier<Sources> sources, Json json, Problems problems, RenderCache cache, Forwarder forwarder) {
        this.sources = sources;
        this.json = json;
        this.problems = problems;
        this.cache = cache;
        this.forwarder = forwarder;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/meta-data", call -> all()),
                Route.get("/api/v1/nodes/{name}/meta-data", this::one),
                Route.change("PUT", CHANGE, this::change),
                Route.change("DELETE", CHANGE, this::change));
    }

    private Reply all() {
        Map<String, Object> body = new TreeMap<>();
        sources.get().requireMetadata().all().forEach((node, metadata) -> body.put(node, shape(metadata)));
        return Reply.json(200, json.bytes(body));
    }

    private Reply one(Call call) {
        String name = call.param("name");
        String problem = Names.nodeProblem(name);
        if (problem != null) {
            return problems.of(400, problem);
        }
        Sources now = sources.get();
        MetadataStore store = now.requireMetadata();
        Optional<Member> member = now.requireCluster().member(name);
        if (member.isEmpty()) {
            return problems.of(404, "no node '" + name + "' in this node's view of the cluster");
        }
        Metadata metadata = member.get().local() ? store.current() : store.of(name).orElse(Metadata.empty());
        return Reply.json(200, json.bytes(body(name, metadata)));
    }

    private Reply change(Call call) {
        String name = call.param("name");
        String kind = call.param("kind");
        if (!"services".equals(kind) && !"tags".equals(kind)) {
            return problems.of(404, "no route " + call.path() + ": the kinds of meta-data are 'services' and 'tags'");
        }
        String problem = Names.nodeProblem(name);
        if (problem != null) {
            return problems.of(400, problem);
        }
        Sources now = sources.get();
        Cluster cluster = now.requireCluster();
        Member local = cluster.local();
        if (!local.name().equals(name)) {
            return forward(cluster, name, call);
        }
        Reply reply = MetadataChange.of(call.method(), kind).apply(now.requireMetadata(), call.param("value"),
                after -> Reply.json(200, json.bytes(body(name, after))), problems::of);
        cache.invalidate();
        return reply;
    }

    private Reply forward(Cluster cluster, String name, Call call) {
        if (call.header().apply(Forwarder.FORWARDED_HEADER) != null) {
            return problems.of(409, "forwarded by " + call.header().apply(Forwarder.FORWARDED_HEADER)
                    + " but this node is not '" + name + "': the views differ, retry on '" + name + "' itself");
        }
        Optional<Member> owner = cluster.member(name);
        if (owner.isEmpty()) {
            return problems.of(404, "no node '" + name + "' in this node's view of the cluster");
        }
        if (!owner.get().status().isLive()) {
            return problems.of(503, "node '" + name + "' is " + owner.get().status() + ": its meta-data cannot change now");
        }
        Integer port = NodeView.httpPort(owner.get());
        if (port == null) {
            return problems.of(503, "node '" + name + "' has not published its HTTP port yet");
        }
        return forwarder.forward(owner.get().host(), port, call);
    }

    private static Map<String, Object> body(String node, Metadata metadata) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("node", node);
        body.putAll(shape(metadata));
        return body;
    }

    private static Map<String, Object> shape(Metadata metadata) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("services", metadata.services());
        shape.put("tags", metadata.tags());
        return shape;
    }
}
