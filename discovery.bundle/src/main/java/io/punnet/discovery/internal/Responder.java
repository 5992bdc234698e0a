package io.punnet.discovery.internal;

import io.punnet.discovery.core.Binding;

/**
 * One mDNS responder on one {@link Binding}: announces this node and reports the nodes it hears.
 * Implementations report sightings from their own threads; the runtime serialises them.
 */
interface Responder {

    /** The binding it runs on. */
    Binding binding();

    /** Sends a fresh query for the service type and reports every answer; may block up to the wait given. */
    void browse(long waitMs);

    /** Withdraws the announcement and stops every thread and socket; blocks (JmDNS: about 2 s). */
    void close();
}
