package io.punnet.monitoring.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.punnet.gossip.api.Cluster;
import io.punnet.monitoring.core.MetricsCodec;
import io.punnet.monitoring.core.MetricsPublisher;
import io.punnet.monitoring.core.PublishPolicy;
import io.punnet.monitoring.core.PublishThresholds;
import io.punnet.monitoring.core.Sampler;

/**
 * Samples this node every {@code intervalInMs} on its own daemon thread and gossips the sample
 * under {@value MetricsCodec#KEY} when the {@link PublishPolicy} says so.
 *
 * <p>Activation only starts the thread: OSHI's start (JNA loading native code, ~0.5 s on a PC,
 * more on a Pi) runs as the thread's first task, off the activation thread. Everything after
 * activation happens on that one thread, so the publisher needs no locking and configuration
 * changes are applied in order. Deactivation stops the thread and publishes nothing: gossip keeps
 * the last value, whose age then grows on every node, and is not disturbed by a stop, an update or
 * a replacement of this bundle. A failing tick (gossip refusing the value, say) is logged and the
 * next one runs anyway.
 *
 * <p>The {@link Cluster} reference is static: when the gossip bundle is updated, this component is
 * deactivated and activated again with the new one, and its first sample repopulates the new
 * gossip instance's application state (OSHI starts again too, off the activation thread).
 */
@Component(configurationPid = MonitoringComponent.PID, service = {})
@Designate(ocd = MonitoringConfig.class)
public final class MonitoringComponent {

    static final String PID = "io.punnet.monitoring";
    static final long INTERVAL_DEFAULT_MS = 5_000;
    static final long MAX_AGE_DEFAULT_MS = 60_000;
    static final double CPU_THRESHOLD_DEFAULT_PERCENT = 10;
    static final double LOAD_THRESHOLD_DEFAULT_PERCENT = 25;
    static final double MEMORY_THRESHOLD_DEFAULT_PERCENT = 5;
    static final double SWAP_THRESHOLD_DEFAULT_PERCENT = 5;
    static final double DISK_THRESHOLD_DEFAULT_PERCENT = 1;
    static final double HEAP_THRESHOLD_DEFAULT_PERCENT = 10;
    static final double TEMPERATURE_THRESHOLD_DEFAULT_CELSIUS = 3;
    static final double THREADS_THRESHOLD_DEFAULT_PERCENT = 20;

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringComponent.class);
    private static final long STOP_WAIT_MS = 2_000;
    /** Shorter intervals are raised to this: sampling must never busy a Pi's CPU. */
    static final long MIN_INTERVAL_MS = 100;

    private final Cluster cluster;
    private final Supplier<Sampler> samplerFactory;
    private final LongSupplier monotonicMillis;
    private final ScheduledExecutorService thread;
    /** Touched only on the sampling thread. */
    private MetricsPublisher publisher;
    /** Touched only on the sampling thread. */
    private ScheduledFuture<?> ticking;
    private volatile boolean tickFailing;

    @Activate
    public MonitoringComponent(@Reference(name = "cluster") Cluster cluster, MonitoringConfig config) {
        this(cluster, config, OshiSampler::start, () -> System.nanoTime() / 1_000_000);
    }

    MonitoringComponent(Cluster cluster, MonitoringConfig config, Supplier<Sampler> samplerFactory,
            LongSupplier monotonicMillis) {
        this.cluster = cluster;
        this.samplerFactory = samplerFactory;
        this.monotonicMillis = monotonicMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "punnet-monitoring");
            t.setDaemon(true);
            return t;
        });
        thread.execute(() -> start(config));
    }

    @Modified
    void modified(MonitoringConfig config) {
        thread.execute(() -> configure(config));
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
        if (!awaitStop(thread)) {
            LOG.warn("monitoring: the sampling thread did not stop within {} ms (blocked in a system call?);"
                    + " it is a daemon and ends when that call returns", STOP_WAIT_MS);
        }
    }

    private void start(MonitoringConfig config) {
        long began = monotonicMillis.getAsLong();
        Sampler sampler;
        try {
            sampler = samplerFactory.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("monitoring: cannot start sampling; this node publishes no metrics until the bundle restarts", e);
            return;
        }
        LOG.info("monitoring: sampler ready in {} ms", monotonicMillis.getAsLong() - began);
        publisher = new MetricsPublisher(sampler, new MetricsCodec(), policy(config),
                value -> cluster.setApplicationState(MetricsCodec.KEY, value), monotonicMillis);
        configure(config);
    }

    private void configure(MonitoringConfig config) {
        if (publisher == null) {
            return; // start() failed; nothing to reconfigure
        }
        publisher.policy(policy(config));
        if (ticking != null) {
            ticking.cancel(false);
        }
        long interval = Math.max(MIN_INTERVAL_MS, config.intervalInMs());
        ticking = thread.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** One sampling step; never lets an exception out, or the executor would stop scheduling it. */
    private void tick() {
        try {
            PublishPolicy.Decision decision = publisher.tick();
            if (decision.publish()) {
                LOG.debug("monitoring: published ({})", decision.reason());
            }
            if (tickFailing) {
                tickFailing = false;
                LOG.info("monitoring: publishing works again");
            }
        } catch (RuntimeException | LinkageError e) {
            if (!tickFailing) {
                tickFailing = true;
                LOG.warn("monitoring: could not publish metrics, will retry every interval: {}", e.toString());
            }
        }
    }

    /** The policy of a configuration; a configuration with a negative threshold gets the defaults. */
    static PublishPolicy policy(MonitoringConfig c) {
        try {
            return new PublishPolicy(new PublishThresholds(c.cpuThresholdInPercent(),
                    c.loadThresholdInPercentOfCores(), c.memoryThresholdInPercent(),
                    c.swapThresholdInPercent(), c.diskThresholdInPercent(), c.heapThresholdInPercent(),
                    c.temperatureThresholdInCelsius(), c.threadsThresholdInPercent(), c.maxAgeInMs()));
        } catch (IllegalArgumentException e) {
            LOG.error("monitoring: invalid configuration {} ({}); using the default thresholds", PID, e.getMessage());
            return new PublishPolicy(new PublishThresholds(CPU_THRESHOLD_DEFAULT_PERCENT,
                    LOAD_THRESHOLD_DEFAULT_PERCENT, MEMORY_THRESHOLD_DEFAULT_PERCENT,
                    SWAP_THRESHOLD_DEFAULT_PERCENT, DISK_THRESHOLD_DEFAULT_PERCENT,
                    HEAP_THRESHOLD_DEFAULT_PERCENT, TEMPERATURE_THRESHOLD_DEFAULT_CELSIUS,
                    THREADS_THRESHOLD_DEFAULT_PERCENT, MAX_AGE_DEFAULT_MS));
        }
    }

    private static boolean awaitStop(ExecutorService executor) {
        try {
            return executor.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
