package io.punnet.monitoring.core;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.punnet.monitoring.api.MetricsReading;
import io.punnet.monitoring.api.NodeMetrics;

/**
 * The latest metrics value of every node, with the local time it arrived, so that the age of a
 * figure is measured on this node's own monotonic clock (clocks of different Pis may disagree by
 * minutes; a receive time does not care).
 *
 * <p>Values arrive two ways: {@link #offer} when gossip reports a change (the receive time is
 * exact), and {@link #reconcile} with the full member list before each query, which picks up what
 * the listener missed (values present before this table existed get the time they were first
 * seen, so their age is a lower bound) and forgets members that are gone. A value equal to the one
 * held does not reset its age.
 *
 * <p>Thread safe (every method is synchronized; the work per call is a few map operations).
 */
public final class MetricsTable {

    private record Entry(String raw, NodeMetrics metrics, long receivedAtMillis) {
    }

    private final MetricsCodec codec;
    private final Map<String, Entry> entries = new HashMap<>();

    public MetricsTable(MetricsCodec codec) {
        this.codec = codec;
    }

    /** Records {@code rawValue} from {@code node}, received at {@code nowMillis}; null is ignored. */
    public synchronized void offer(String node, String rawValue, long nowMillis) {
        if (rawValue == null) {
            return;
        }
        Entry held = entries.get(node);
        if (held == null || !held.raw().equals(rawValue)) {
            entries.put(node, new Entry(rawValue, codec.decode(rawValue), nowMillis));
        }
    }

    /** Forgets a node (it was removed from the membership). */
    public synchronized void forget(String node) {
        entries.remove(node);
    }

    /**
     * Brings the table in line with the current membership: {@code values} maps each member to its
     * metrics value (null if it published none); nodes absent from it are forgotten.
     */
    public synchronized void reconcile(Map<String, String> values, long nowMillis) {
        Set<String> gone = new HashSet<>(entries.keySet());
        gone.removeAll(values.keySet());
        entries.keySet().removeAll(gone);
        values.forEach((node, raw) -> offer(node, raw, nowMillis));
    }

    /** The reading of one node at {@code nowMillis}. */
    public synchronized Optional<MetricsReading> reading(String node, long nowMillis) {
        return Optional.ofNullable(entries.get(node)).map(e -> toReading(node, e, nowMillis));
    }

    /** Every reading at {@code nowMillis}, sorted by node name. */
    public synchronized Map<String, MetricsReading> all(long nowMillis) {
        Map<String, MetricsReading> out = new TreeMap<>();
        entries.forEach((node, e) -> out.put(node, toReading(node, e, nowMillis)));
        return Collections.unmodifiableMap(out);
    }

    /** The nodes held now. */
    public synchronized Collection<String> nodes() {
        return Set.copyOf(entries.keySet());
    }

    private static MetricsReading toReading(String node, Entry e, long nowMillis) {
        return new MetricsReading(node, e.metrics(), Math.max(0, nowMillis - e.receivedAtMillis()));
    }
}
