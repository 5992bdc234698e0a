package io.punnet.rest.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.punnet.deploy.api.DeployOptions;
import io.punnet.deploy.api.DeploymentRefusedException;
import io.punnet.deploy.api.Deployments;
import io.punnet.deploy.api.RolloutStatus;

/**
 * Bundle rollout over HTTP, on the optional {@link Deployments} service (503 while it is not here):
 * <pre>
 *   POST /bundles?target=all|tag:&lt;tag&gt;|node:&lt;a&gt;,&lt;b&gt;&amp;force&amp;canary&amp;gossip&amp;sha256=&lt;hex&gt;
 *        body: the jar (Content-Type: application/java-archive, else 415); bearer token needed
 *        → 202 {"id", "location": "/rollouts/&lt;id&gt;"}
 *   GET  /rollouts            {"rollouts": [rollout, …]} newest first
 *   GET  /rollouts/{id}       one rollout with the state of every targeted node, or 404
 *   GET  /bundles             {"nodes": {name: [bundle, …]}} what every node runs
 * </pre>
 * and the same under {@code /api/v1}. The jar is streamed to {@link Deployments#submit}, which reads
 * it to the deploy bundle's own size cap ({@code TOO_LARGE}); it never passes through the servlet's
 * small body cap. A refusal is a problem answer with the deploy bundle's reason text in
 * {@code detail} and its kind in {@code reason}: TOO_LARGE 413, NOT_READY 503, DOWNGRADE and
 * GOSSIP_NOT_ALLOWED 409, any other 400. Shapes: {@link DeployViews}.
 */
public final class DeployRoutes implements RouteGroup {

    /** The media type a jar must be posted with. */
    public static final String JAR_TYPE = "application/java-archive";
    /** The target when the query names none. */
    public static final String DEFAULT_TARGET = "all";

    private static final Set<String> OPTIONS = Set.of("target", "force", "canary", "gossip", "sha256");

    private final Supplier<Sources> sources;
    private final Json json;
    private final Problems problems;

    public DeployRoutes(Supplier<Sources> sources, Json json, Problems problems) {
        this.sources = sources;
        this.json = json;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (String prefix : List.of("", "/api/v1")) {
            routes.add(Route.upload("POST", prefix + "/bundles", this::submit));
            routes.add(Route.get(prefix + "/bundles", call -> bundles()));
            routes.add(Route.get(prefix + "/rollouts", call -> rollouts()));
            routes.add(Route.get(prefix + "/rollouts/{id}", this::rollout));
        }
        return routes;
    }

    Reply submit(Call call) {
        Deployments deployments = sources.get().requireDeployments();
        if (!isJar(call.header().apply("Content-Type"))) {
            return problems.of(415, "post the jar with 'Content-Type: " + JAR_TYPE + "'");
        }
        String target;
        DeployOptions options;
        try {
            Query query = Query.parse(call.query(), OPTIONS);
            target = query.get("target", DEFAULT_TARGET);
            options = new DeployOptions(query.flag("force"), query.flag("canary"), query.flag("gossip"),
                    query.get("sha256", null));
        } catch (IllegalArgumentException e) {
            return problems.of(400, e.getMessage());
        }
        String id;
        try (InputStream jar = call.stream().open()) {
            id = deployments.submit(jar, target, options);
        } catch (DeploymentRefusedException e) {
            return problems.of(status(e.reason()), e.getMessage(), "reason", e.reason().name());
        } catch (IOException e) {
            return problems.of(500, "the jar could not be read or stored: " + e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("location", "/rollouts/" + id);
        return Reply.json(202, json.bytes(body)).withHeader("Location", "/rollouts/" + id);
    }

    /** The status of a refusal, as the deploy API suggests. */
    static int status(DeploymentRefusedException.Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> 413;
            case NOT_READY -> 503;
            case DOWNGRADE, GOSSIP_NOT_ALLOWED -> 409;
            default -> 400;
        };
    }

    static boolean isJar(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.toLowerCase(Locale.ROOT).equals(JAR_TYPE);
    }

    private Reply bundles() {
        return Reply.json(200, json.bytes(DeployViews.bundles(sources.get().requireDeployments().bundles())));
    }

    private Reply rollouts() {
        return Reply.json(200, json.bytes(DeployViews.rollouts(sources.get().requireDeployments().rollouts())));
    }

    private Reply rollout(Call call) {
        Deployments deployments = sources.get().requireDeployments();
        String id = call.param("id");
        if (!Names.isRolloutId(id)) {
            return problems.of(400, "a rollout id is made of letters, digits, - and _, at most "
                    + Names.MAX_ROLLOUT_ID + " characters");
        }
        Optional<RolloutStatus> status = deployments.rollout(id);
        return status.isEmpty() ? problems.of(404, "no rollout '" + id + "' known to this node")
                : Reply.json(200, json.bytes(DeployViews.rollout(status.get())));
    }
}
