package io.punnet.rest.core;

import java.util.List;

/**
 * A set of routes that belong together (the original routes, the node views, meta-data, …). The
 * {@link Api} is the list of its groups; a new capability adds a group, as the deploy routes did
 * ({@link DeployRoutes}, reading the optional {@code Deployments} in {@link Sources}, with their one
 * change declared {@link Access#TOKEN} like every other change).
 */
@FunctionalInterface
public interface RouteGroup {

    /** The routes of this group, matched in this order. */
    List<Route> routes();
}
