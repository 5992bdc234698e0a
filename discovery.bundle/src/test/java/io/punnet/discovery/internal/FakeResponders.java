package io.punnet.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.Sighting;

/** A {@link ResponderFactory} of in-memory responders that records what was started and closed. */
final class FakeResponders implements ResponderFactory {

    final List<Binding> started = new ArrayList<>();
    final List<Binding> closed = new ArrayList<>();
    final Set<String> failing = new HashSet<>();
    volatile Announcement announced;
    volatile Consumer<Sighting> sink;

    @Override
    public synchronized Responder start(Binding binding, String serviceType, Announcement self,
            Consumer<Sighting> sightings) throws IOException {
        if (failing.contains(binding.interfaceName())) {
            throw new IOException("no multicast on " + binding.interfaceName());
        }
        started.add(binding);
        announced = self;
        sink = sightings;
        return new Responder() {
            @Override
            public Binding binding() {
                return binding;
            }

            @Override
            public void browse() {
                // nothing to query in memory
            }

            @Override
            public void close() {
                synchronized (FakeResponders.this) {
                    closed.add(binding);
                }
            }
        };
    }

    synchronized List<Binding> started() {
        return List.copyOf(started);
    }

    synchronized List<Binding> closed() {
        return List.copyOf(closed);
    }

    synchronized void fail(String interfaceName, boolean fail) {
        if (fail) {
            failing.add(interfaceName);
        } else {
            failing.remove(interfaceName);
        }
    }
}
