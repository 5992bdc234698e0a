package io.punnet.discovery.internal;

import java.io.IOException;
import java.util.function.Consumer;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.Sighting;

/** Starts {@link Responder}s; the seam between the runtime and JmDNS. */
@FunctionalInterface
interface ResponderFactory {

    /**
     * Starts a responder that announces {@code self} as {@code serviceType} on {@code binding} and
     * passes every service it resolves to {@code sightings}. Blocks while the announcement is probed
     * (about a second with JmDNS).
     *
     * @throws IOException when the interface cannot be used (it went away, no multicast)
     */
    Responder start(Binding binding, String serviceType, Announcement self, Consumer<Sighting> sightings)
            throws IOException;
}
