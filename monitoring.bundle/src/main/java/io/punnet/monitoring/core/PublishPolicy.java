package io.punnet.monitoring.core;

import java.util.Objects;
import java.util.function.Function;

import io.punnet.monitoring.api.NodeMetrics;

/**
 * Decides whether a new sample is worth gossiping: only when a figure moved past its threshold
 * (see {@link PublishThresholds}), a figure became known or unknown, or the last publication is
 * older than the maximum age. An idle cluster thus gossips one small value per node per maximum
 * age. Uptime and the sample time always move, so they never trigger a publication on their own.
 *
 * <p>Pure: time is an argument ({@code nowMillis}, from one monotonic clock), so the tests run on
 * virtual time. Immutable and thread safe.
 */
public final class PublishPolicy {

    /** The outcome, with a reason that a log line or a test can show. */
    public record Decision(boolean publish, String reason) {
        static Decision skip() {
            return new Decision(false, "nothing moved");
        }

        static Decision because(String reason) {
            return new Decision(true, reason);
        }
    }

    private final PublishThresholds limits;

    public PublishPolicy(PublishThresholds limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public PublishThresholds thresholds() {
        return limits;
    }

    /**
     * @param last        the sample last published, or null if none was
     * @param lastAtMillis when it was published
     * @param current     the new sample
     * @param nowMillis   now, on the same clock as {@code lastAtMillis}
     */
    public Decision decide(NodeMetrics last, long lastAtMillis, NodeMetrics current, long nowMillis) {
        if (last == null) {
            return Decision.because("first sample");
        }
        if (nowMillis - lastAtMillis >= limits.maxAgeMillis()) {
            return Decision.because("max age " + limits.maxAgeMillis() + " ms reached");
        }
        String moved = firstMoved(last, current);
        return moved == null ? Decision.skip() : Decision.because(moved);
    }

    private String firstMoved(NodeMetrics a, NodeMetrics b) {
        double cores = b.cpuCount() != null ? b.cpuCount() : 1;
        double load = limits.loadPercentOfCores() / 100 * cores;
        double mem = share(limits.memoryPercentOfTotal(), b.memTotalBytes());
        double swap = share(limits.swapPercentOfTotal(), b.swapTotalBytes());
        double disk = share(limits.diskPercentOfTotal(), b.diskTotalBytes());
        double heap = share(limits.heapPercentOfMax(), b.jvmHeapMaxBytes());
        double threads = a.jvmThreads() == null ? 1
                : Math.max(1, limits.threadsPercent() / 100 * a.jvmThreads());
        return first(
                moved("cpuPercent", a, b, NodeMetrics::cpuPercent, limits.cpuPercentPoints()),
                moved("load1", a, b, NodeMetrics::load1, load),
                moved("load5", a, b, NodeMetrics::load5, load),
                moved("load15", a, b, NodeMetrics::load15, load),
                changed("cpuCount", a, b, NodeMetrics::cpuCount),
                changed("memTotalBytes", a, b, NodeMetrics::memTotalBytes),
                moved("memUsedBytes", a, b, NodeMetrics::memUsedBytes, mem),
                moved("memAvailableBytes", a, b, NodeMetrics::memAvailableBytes, mem),
                changed("swapTotalBytes", a, b, NodeMetrics::swapTotalBytes),
                moved("swapUsedBytes", a, b, NodeMetrics::swapUsedBytes, swap),
                moved("temperatureCelsius", a, b, NodeMetrics::temperatureCelsius,
                        limits.temperatureCelsius()),
                moved("diskTotalBytes", a, b, NodeMetrics::diskTotalBytes, disk),
                moved("diskFreeBytes", a, b, NodeMetrics::diskFreeBytes, disk),
                moved("jvmHeapUsedBytes", a, b, NodeMetrics::jvmHeapUsedBytes, heap),
                changed("jvmHeapMaxBytes", a, b, NodeMetrics::jvmHeapMaxBytes),
                moved("jvmThreads", a, b, NodeMetrics::jvmThreads, threads),
                knownness("uptimeSeconds", a, b, NodeMetrics::uptimeSeconds));
    }

    /** {@code percent} of {@code whole}, or 0 (any change counts) when the whole is unknown. */
    private static double share(double percent, Long whole) {
        return whole == null ? 0 : percent / 100 * whole;
    }

    private static String first(String... reasons) {
        for (String reason : reasons) {
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** A reason if the field moved by at least {@code limit} (and by something), or its knownness changed. */
    private static String moved(String name, NodeMetrics a, NodeMetrics b,
            Function<NodeMetrics, ? extends Number> field, double limit) {
        Number before = field.apply(a);
        Number after = field.apply(b);
        String knownness = knownness(name, before, after);
        if (knownness != null || before == null) {
            return knownness;
        }
        double delta = Math.abs(after.doubleValue() - before.doubleValue());
        return delta > 0 && delta >= limit ? name + " moved by " + delta : null;
    }

    private static String changed(String name, NodeMetrics a, NodeMetrics b,
            Function<NodeMetrics, ?> field) {
        Object before = field.apply(a);
        Object after = field.apply(b);
        String knownness = knownness(name, before, after);
        if (knownness != null || before == null) {
            return knownness;
        }
        return before.equals(after) ? null : name + " changed";
    }

    private static String knownness(String name, NodeMetrics a, NodeMetrics b,
            Function<NodeMetrics, ?> field) {
        return knownness(name, field.apply(a), field.apply(b));
    }

    private static String knownness(String name, Object before, Object after) {
        if (before == null && after != null) {
            return name + " became known";
        }
        if (before != null && after == null) {
            return name + " became unknown";
        }
        return null;
    }
}
