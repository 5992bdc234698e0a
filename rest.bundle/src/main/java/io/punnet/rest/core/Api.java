package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The whole HTTP API as one {@link Router}: the original routes, the v1 views, meta-data,
 * inventory, metrics, health and the OpenAPI document, each a {@link RouteGroup}. Events (SSE) are
 * a stream, not a call, and are served beside this. The deploy routes ({@code /bundles},
 * {@code /rollouts}, and the same under {@code /api/v1}) are one more group, answering 503 while the
 * deploy bundle is not running.
 */
public final class Api {

    private final Router router;

    /**
     * @param sources   the services, copied once per call
     * @param cache     the cache of rendered hot answers
     * @param guard     who may change what
     * @param forwarder sends changes to the node that owns them
     * @param settings  cache ages
     * @param uptimeMs  how long this node has run
     * @param restFigures the REST bundle's own figures for {@code /metrics} (see {@link MetricsRoutes})
     * @param bugs      where unexpected exceptions are reported (logged)
     */
    public Api(Supplier<Sources> sources, RenderCache cache, Guard guard, Forwarder forwarder, ApiSettings settings,
            LongSupplier uptimeMs, Supplier<Map<String, Long>> restFigures, Consumer<RuntimeException> bugs) {
        Json json = new Json();
        Problems problems = new Problems(json);
        List<RouteGroup> groups = List.of(
                new LegacyRoutes(sources, json, problems, cache, settings.legacyMaxAgeMs()),
                new NodeRoutes(sources, json, problems, cache, settings.liveMaxAgeMs(), uptimeMs),
                new MetadataRoutes(sources, json, problems, cache, forwarder),
                new InventoryRoutes(sources, json, cache, settings.legacyMaxAgeMs()),
                new MetricsRoutes(sources, restFigures),
                new HealthRoutes(sources, json),
                new DeployRoutes(sources, json, problems),
                new DocRoutes());
        List<Route> routes = new ArrayList<>();
        for (RouteGroup group : groups) {
            routes.addAll(group.routes());
        }
        this.router = new Router(routes, guard, problems, bugs);
    }

    public Reply dispatch(Call call) {
        return router.dispatch(call);
    }

    /** Whether this call's route reads its body as a stream (see {@link Router#streams}). */
    public boolean streams(String method, String path) {
        return router.streams(method, path);
    }

    public Router router() {
        return router;
    }
}
