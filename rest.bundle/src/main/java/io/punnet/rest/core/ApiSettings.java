package io.punnet.rest.core;

/**
 * What the routes need to know besides the services.
 *
 * @param legacyMaxAgeMs longest a cached answer of the original routes and the inventory may be
 *                       served without an event invalidating it
 * @param liveMaxAgeMs   longest the cached full node view (heartbeats, phi) may be served
 */
public record ApiSettings(long legacyMaxAgeMs, long liveMaxAgeMs) {
}
