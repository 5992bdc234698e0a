package io.punnet.discovery.internal;

import io.punnet.discovery.core.Binding;

/**
 * One mDNS responder on one {@link Binding}: announces this node and reports the nodes it hears.
 * Implementations report sightings from their own threads; the runtime serialises them.
 */
interface Responder {

    /** The binding it runs on. */
    Binding binding();

    /**
     * Sends a fresh query for the service type; answers are reported as they arrive. Returns at once.
     * Needed because a listener only queries when it starts, and relies on announcements after that:
     * an announcement lost to a partition or a cable not yet plugged in would never be repeated.
     */
    void browse();

    /**
     * Whether it still works. JmDNS tries to recover by itself when sending fails (an interface that
     * flapped, a firewall that refused its packets), and may end cancelled; the runtime then replaces it.
     */
    boolean healthy();

    /** Withdraws the announcement and stops every thread and socket; blocks (JmDNS: about 2 s). */
    void close();
}
