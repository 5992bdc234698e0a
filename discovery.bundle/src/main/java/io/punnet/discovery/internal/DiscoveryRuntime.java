package io.punnet.discovery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.discovery.core.Announcement;
import io.punnet.discovery.core.Binding;
import io.punnet.discovery.core.BrowseSchedule;
import io.punnet.discovery.core.InterfaceFacts;
import io.punnet.discovery.core.InterfaceSelector;
import io.punnet.discovery.core.InterfaceWatch;
import io.punnet.discovery.core.PeerBook;
import io.punnet.discovery.core.Seed;
import io.punnet.discovery.core.Sighting;
import io.punnet.discovery.core.Verdict;

/**
 * Runs discovery on one thread, {@code punnet-discovery}: polls the interfaces and keeps one
 * responder per chosen binding, queries every interface now and then (often while this node is
 * alone, rarely once it has joined: {@link BrowseSchedule}), and judges every sighting with the
 * {@link PeerBook}, handing new endpoints of this cluster's nodes to gossip as seeds.
 *
 * <p>Nothing here blocks its creator: {@link #start} only schedules (responders start on the
 * runtime's thread), and {@link #close} returns at once while a background thread waits for the
 * runtime's thread to stop and closes the responders (JmDNS takes about two seconds each).
 * {@link #awaitClosed} waits for that, bounded.
 */
final class DiscoveryRuntime {

    static final String THREAD_NAME = "punnet-discovery";
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRuntime.class);
    private static final long STOP_WAIT_MS = 10_000;
    private static final long CLOSE_WAIT_MS = 15_000;

    private final DiscoverySettings settings;
    private final Announcement self;
    private final Consumer<Seed> seeds;
    private final Supplier<List<InterfaceFacts>> scanner;
    private final BooleanSupplier alone;
    private final BrowseSchedule schedule;
    private final ResponderFactory factory;
    private final ScheduledThreadPoolExecutor thread;
    private final PeerBook book;
    private final InterfaceWatch watch = new InterfaceWatch();
    private final Closer closer = new Closer();
    private final Map<Binding, Responder> responders = new TreeMap<>();
    private final Set<Binding> reportedFailures = new HashSet<>();
    private Thread closing;
    private boolean closed;

    /**
     * @param alone whether gossip knows no other live member now (asked once per browse check, on the
     *              runtime's thread)
     */
    DiscoveryRuntime(DiscoverySettings settings, Announcement self, Consumer<Seed> seeds,
            Supplier<List<InterfaceFacts>> scanner, BooleanSupplier alone, ResponderFactory factory) {
        this.settings = settings;
        this.self = self;
        this.seeds = seeds;
        this.scanner = scanner;
        this.alone = alone;
        this.schedule = new BrowseSchedule(settings.browseMs(), settings.joinedBrowseMs());
        this.factory = factory;
        this.book = new PeerBook(self.cluster(), self.node());
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** Schedules the interface poll (now, then every poll interval) and the browse checks; returns at once. */
    void start() {
        thread.scheduleWithFixedDelay(guarded(this::poll), 0, settings.pollMs(), TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(guarded(this::browseIfDue), schedule.checkIntervalMs(),
                schedule.checkIntervalMs(), TimeUnit.MILLISECONDS);
    }

    /** A periodic task that survives its own failures (a periodic task that throws is never run again). */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("discovery task failed; it runs again at its next time: {}", e.toString());
            }
        };
    }

    private void poll() {
        replaceBroken();
        Set<Binding> wanted = InterfaceSelector.select(settings.interfaces(), scanner.get());
        InterfaceWatch.Changes changes = watch.update(wanted);
        for (Binding b : changes.toStop()) {
            Responder gone = take(b);
            if (gone != null) {
                LOG.info("mDNS stopped on {} (the interface or its address went away)", b);
                closer.closeLater(gone);
            }
        }
        for (Binding b : changes.toStart()) {
            startOn(b);
        }
    }

    /** Closes responders that stopped working and forgets them, so that this poll starts them anew. */
    private void replaceBroken() {
        List<Responder> all;
        synchronized (this) {
            all = new ArrayList<>(responders.values());
        }
        for (Responder r : all) {
            if (!r.healthy()) {
                LOG.warn("mDNS on {} stopped working; starting it again", r.binding());
                take(r.binding());
                watch.failed(r.binding());
                closer.closeLater(r);
            }
        }
    }

    private void startOn(Binding binding) {
        Responder responder;
        try {
            responder = factory.start(binding, settings.serviceType(), self, this::heard);
        } catch (IOException | RuntimeException e) {
            watch.failed(binding);
            if (reportedFailures.add(binding)) {
                LOG.warn("mDNS not started on {} (tried again every poll): {}", binding, e.toString());
            }
            return;
        }
        reportedFailures.remove(binding);
        if (!adopt(responder)) {
            responder.close();
            return;
        }
        LOG.info("mDNS announcing node {} of cluster '{}' on {}", self.node(), self.cluster(), binding);
    }

    private void browseIfDue() {
        if (schedule.check(alone.getAsBoolean())) {
            browse();
        }
    }

    private void browse() {
        List<Responder> all;
        synchronized (this) {
            all = new ArrayList<>(responders.values());
        }
        for (Responder r : all) {
            r.browse();
        }
    }

    /** Called by the responders' threads: the judging happens on the runtime's thread. */
    private void heard(Sighting sighting) {
        try {
            thread.execute(() -> judge(sighting));
        } catch (RejectedExecutionException e) {
            // closing: nothing more is handed to gossip
        }
    }

    private void judge(Sighting sighting) {
        PeerBook.Observation o = book.observe(sighting);
        for (Seed seed : o.newSeeds()) {
            LOG.info("mDNS: node {} of this cluster announced at {}:{} (on {}); asking gossip to contact it",
                    seed.node(), seed.host(), seed.port(), sighting.interfaceName());
            try {
                seeds.accept(seed);
            } catch (RuntimeException e) {
                LOG.warn("gossip did not take seed {}:{}: {}", seed.host(), seed.port(), e.toString());
            }
        }
    }

    private synchronized boolean adopt(Responder responder) {
        if (closed) {
            return false;
        }
        responders.put(responder.binding(), responder);
        return true;
    }

    private synchronized Responder take(Binding binding) {
        return responders.remove(binding);
    }

    /** What this node announces. */
    Announcement self() {
        return self;
    }

    /** The bindings with a running responder now. */
    synchronized Set<Binding> bindings() {
        return Set.copyOf(responders.keySet());
    }

    /** How many sightings got each verdict, read on the runtime's thread (empty when it is busy or stopped). */
    Map<Verdict, Long> verdicts(long timeoutMs) {
        try {
            return thread.submit(book::counts).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            return Map.of();
        }
    }

    /** Stops discovery; returns at once, the responders are closed in the background. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closing = new Thread(this::finishClose, Closer.THREAD_NAME);
            closing.setDaemon(true);
        }
        thread.shutdownNow();
        closing.start();
    }

    private void finishClose() {
        try {
            if (!thread.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                LOG.warn("discovery thread did not stop within {} ms", STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Responder> open;
        synchronized (this) {
            open = new ArrayList<>(responders.values());
            responders.clear();
        }
        open.forEach(closer::closeLater);
        if (!closer.awaitAll(CLOSE_WAIT_MS)) {
            LOG.warn("mDNS responders did not close within {} ms", CLOSE_WAIT_MS);
        }
    }

    /** Waits until {@link #close} has finished its background work, at most {@code timeoutMs}. */
    boolean awaitClosed(long timeoutMs) throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = closing;
        }
        if (t == null) {
            return false;
        }
        t.join(timeoutMs);
        return !t.isAlive() && closer.awaitAll(1);
    }
}
