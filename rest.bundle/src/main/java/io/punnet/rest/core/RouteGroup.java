package io.punnet.rest.core;

import java.util.List;

/**
 * A set of routes that belong together (the original routes, the node views, meta-data, …). The
 * {@link Api} is the list of its groups; a new capability adds a group. The deploy bundle's routes
 * ({@code GET/POST /api/v1/bundles}, {@code GET/POST /api/v1/rollouts}) will be one more group,
 * reading an optional {@code Deployments} service added to {@link Sources}, with its changes
 * declared {@link Access#TOKEN} like every other change.
 */
@FunctionalInterface
public interface RouteGroup {

    /** The routes of this group, matched in this order. */
    List<Route> routes();
}
