package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Finds the route of a call, applies the {@link Guard}, and turns failures into problem answers:
 * an unknown path is 404, a known path with another method 405 (with {@code Allow}), a refused
 * change 401 or 403, a service that went away mid-call 503. Nothing escapes as a 500 but a bug,
 * which is reported to the error sink.
 */
public final class Router {

    /** A route with its template split once, not per request. */
    private record Compiled(Route route, List<String> segments) {
    }

    private final List<Route> routes;
    private final List<Compiled> compiled;
    private final Guard guard;
    private final Problems problems;
    private final Consumer<RuntimeException> bugs;

    public Router(List<Route> routes, Guard guard, Problems problems, Consumer<RuntimeException> bugs) {
        this.routes = List.copyOf(routes);
        this.compiled = this.routes.stream().map(route -> new Compiled(route, route.segments())).toList();
        this.guard = guard;
        this.problems = problems;
        this.bugs = bugs;
    }

    /** Every route, in the order they are matched (for the documentation and tests). */
    public List<Route> routes() {
        return routes;
    }

    /** Answers one call. */
    public Reply dispatch(Call call) {
        List<String> segments = Paths.segments(call.path());
        Set<String> allowed = null;
        boolean legacyPath = false;
        for (Compiled candidate : compiled) {
            Route route = candidate.route();
            Map<String, String> params = Route.match(candidate.segments(), segments);
            if (params == null) {
                continue;
            }
            legacyPath |= route.legacy();
            if (route.method().equals(call.method()) || ("HEAD".equals(call.method()) && "GET".equals(route.method()))) {
                return run(route, params.isEmpty() ? call : call.withParams(params));
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.add(route.method());
        }
        if (allowed == null) {
            return problems.of(404, "no route " + call.path());
        }
        Reply refused = fail(legacyPath, 405, call.method() + " is not allowed on " + call.path() + "; use " + String.join(", ", allowed));
        return refused.withHeader("Allow", String.join(", ", allowed));
    }

    /**
     * Whether the route that {@code method} and {@code path} select reads its body as a stream
     * (asked before the body is read, so that an upload bypasses the small body cap).
     */
    public boolean streams(String method, String path) {
        List<String> segments = Paths.segments(path);
        for (Compiled candidate : compiled) {
            if (candidate.route().method().equals(method) && Route.match(candidate.segments(), segments) != null) {
                return candidate.route().streamed();
            }
        }
        return false;
    }

    private Reply run(Route route, Call call) {
        Guard.Refusal refusal = guard.check(call, route.access());
        if (refusal != null) {
            Reply reply = fail(route.legacy(), refusal.status(), refusal.reason());
            return refusal.status() == 401 ? reply.withHeader("WWW-Authenticate", "Bearer realm=\"punnet\"") : reply;
        }
        try {
            return route.handler().handle(call);
        } catch (IllegalStateException e) {
            return fail(route.legacy(), 503, "temporarily unavailable: " + e.getMessage());
        } catch (RuntimeException e) {
            bugs.accept(e);
            return fail(route.legacy(), 500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private Reply fail(boolean legacy, int status, String detail) {
        return legacy ? problems.legacy(status, detail) : problems.of(status, detail);
    }

    /** The distinct templates, for tests that crawl the API. */
    public List<String> templates() {
        List<String> templates = new ArrayList<>();
        for (Route route : routes) {
            if (!templates.contains(route.template())) {
                templates.add(route.template());
            }
        }
        return templates;
    }
}
