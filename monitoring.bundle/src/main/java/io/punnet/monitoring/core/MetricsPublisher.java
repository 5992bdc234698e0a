package io.punnet.monitoring.core;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.punnet.monitoring.api.NodeMetrics;

/**
 * One sampling step: sample, ask the {@link PublishPolicy}, and hand the encoded value to the sink
 * (the gossip application state) when it says so. The component calls {@link #tick()} on its own
 * thread every interval; tests call it on virtual time.
 *
 * <p>The sample counts as published only once the sink returned normally: if the sink throws
 * (gossip is restarting, say), the exception propagates and the next tick tries again.
 *
 * <p>Not thread safe: one caller at a time (the component's single sampling thread). The policy may
 * be replaced between ticks when the configuration changes.
 */
public final class MetricsPublisher {

    private final Sampler sampler;
    private final MetricsCodec codec;
    private final Consumer<String> sink;
    private final LongSupplier monotonicMillis;
    private volatile PublishPolicy policy;
    private NodeMetrics lastPublished;
    private long lastPublishedAtMillis;

    public MetricsPublisher(Sampler sampler, MetricsCodec codec, PublishPolicy policy,
            Consumer<String> sink, LongSupplier monotonicMillis) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.monotonicMillis = Objects.requireNonNull(monotonicMillis, "monotonicMillis");
    }

    /** Replaces the policy; takes effect at the next tick. */
    public void policy(PublishPolicy newPolicy) {
        this.policy = Objects.requireNonNull(newPolicy, "newPolicy");
    }

    /** Samples once and publishes if the policy says so; returns the decision. */
    public PublishPolicy.Decision tick() {
        NodeMetrics sample = sampler.sample();
        long now = monotonicMillis.getAsLong();
        PublishPolicy.Decision decision = policy.decide(lastPublished, lastPublishedAtMillis, sample, now);
        if (decision.publish()) {
            sink.accept(codec.encode(sample));
            lastPublished = sample;
            lastPublishedAtMillis = now;
        }
        return decision;
    }

    /** The sample last published, or null before the first publication. */
    public NodeMetrics lastPublished() {
        return lastPublished;
    }
}
