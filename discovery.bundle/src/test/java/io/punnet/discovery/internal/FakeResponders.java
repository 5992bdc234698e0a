package io.punnet.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.Sighting;

/** A {@link ResponderFactory} of in-memory responders that records what was started and closed. */
final class FakeResponders implements ResponderFactory {

    final List<Binding> started = new ArrayList<>();
    final List<Binding> closed = new ArrayList<>();
    final Set<String> failing = new HashSet<>();
    /** Queries sent, by every responder together. */
    final AtomicInteger browses = new AtomicInteger();
    private int brokenIndex = -1;
    volatile Announcement announced;
    volatile Consumer<Sighting> sink;

    @Override
    public synchronized Responder start(Binding binding, String serviceType, Announcement self,
            Consumer<Sighting> sightings) throws IOException {
        if (failing.contains(binding.interfaceName())) {
            throw new IOException("no multicast on " + binding.interfaceName());
        }
        started.add(binding);
        int index = started.size() - 1;
        announced = self;
        sink = sightings;
        return new Responder() {
            @Override
            public Binding binding() {
                return binding;
            }

            @Override
            public boolean healthy() {
                synchronized (FakeResponders.this) {
                    return index != brokenIndex;
                }
            }

            @Override
            public void browse() {
                // nothing to query in memory: only counted
                browses.incrementAndGet();
            }

            @Override
            public void close() {
                synchronized (FakeResponders.this) {
                    closed.add(binding);
                }
            }
        };
    }

    /** The responder now running on {@code interfaceName} reports itself broken (once). */
    synchronized void breakOn(String interfaceName) {
        for (int i = started.size() - 1; i >= 0; i--) {
            if (started.get(i).interfaceName().equals(interfaceName)) {
                brokenIndex = i;
                return;
            }
        }
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
