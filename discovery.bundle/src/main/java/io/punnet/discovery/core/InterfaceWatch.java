package io.punnet.discovery.core;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Follows the interfaces as they come and go (Wi-Fi reconnects, DHCP renewals, a cable plugged in):
 * fed the bindings wanted at each poll, it answers which responders to start and which to stop, and
 * remembers the new set as running.
 *
 * <p>Not thread-safe: the discovery runtime calls it from its one thread.
 */
public final class InterfaceWatch {

    private final Set<Binding> running = new TreeSet<>();

    /** What one poll changes, each set sorted. */
    public record Changes(Set<Binding> toStart, Set<Binding> toStop) {
        public Changes {
            toStart = sorted(toStart);
            toStop = sorted(toStop);
        }

        private static SortedSet<Binding> sorted(Set<Binding> bindings) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(bindings));
        }

        /** Whether nothing changed. */
        public boolean none() {
            return toStart.isEmpty() && toStop.isEmpty();
        }
    }

    /** The changes that turn the running set into {@code wanted}; afterwards {@code wanted} is running. */
    public Changes update(Set<Binding> wanted) {
        Set<Binding> start = new TreeSet<>(wanted);
        start.removeAll(running);
        Set<Binding> stop = new TreeSet<>(running);
        stop.removeAll(wanted);
        running.clear();
        running.addAll(wanted);
        return new Changes(start, stop);
    }

    /**
     * Forgets that {@code binding} runs (its responder failed to start), so that the next poll
     * tries it again.
     */
    public void failed(Binding binding) {
        running.remove(binding);
    }

    /** The bindings running now, sorted. */
    public Set<Binding> running() {
        return Set.copyOf(running);
    }
}
