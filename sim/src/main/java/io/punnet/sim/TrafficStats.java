package io.punnet.sim;

import java.util.EnumMap;
import java.util.Map;

import io.punnet.gossip.core.message.MessageType;

/** What the simulated network carried: datagrams and bytes by message type, and losses. */
public final class TrafficStats {

    private final Map<MessageType, long[]> byType = new EnumMap<>(MessageType.class);
    private long lost;
    private long blocked;

    void sent(MessageType type, int wireBytes) {
        long[] c = byType.computeIfAbsent(type, t -> new long[2]);
        c[0]++;
        c[1] += wireBytes;
    }

    void countLost() {
        lost++;
    }

    void countBlocked() {
        blocked++;
    }

    /** Messages of a type sent. */
    public long count(MessageType type) {
        long[] c = byType.get(type);
        return c == null ? 0 : c[0];
    }

    /** Wire bytes of a type sent. */
    public long bytes(MessageType type) {
        long[] c = byType.get(type);
        return c == null ? 0 : c[1];
    }

    /** All wire bytes sent. */
    public long totalBytes() {
        long n = 0;
        for (long[] c : byType.values()) {
            n += c[1];
        }
        return n;
    }

    /** Datagrams lost to link loss. */
    public long lost() {
        return lost;
    }

    /** Datagrams dropped by partitions and one-way blocks. */
    public long blocked() {
        return blocked;
    }

    /** A copy. */
    public TrafficStats copy() {
        TrafficStats t = new TrafficStats();
        byType.forEach((k, v) -> t.byType.put(k, v.clone()));
        t.lost = lost;
        t.blocked = blocked;
        return t;
    }

    /** The traffic since {@code earlier}. */
    public TrafficStats minus(TrafficStats earlier) {
        TrafficStats t = copy();
        earlier.byType.forEach((k, v) -> {
            long[] c = t.byType.get(k);
            c[0] -= v[0];
            c[1] -= v[1];
        });
        t.lost -= earlier.lost;
        t.blocked -= earlier.blocked;
        return t;
    }
}
