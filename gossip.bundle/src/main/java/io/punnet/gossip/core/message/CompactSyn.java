package io.punnet.gossip.core.message;

import java.util.Arrays;

/**
 * The opening of a Scuttlebutt round between two nodes that know the same members (protocol 2):
 * instead of a named digest per member (name, generation, heartbeat, state version: about 14
 * bytes), it names the sender's <em>view</em> (the members it knows, sorted by name, with their
 * generations) by a 64-bit hash, and sends 4 bytes per member at its position in that view: the low
 * 16 bits of the heartbeat and of the state version. A receiver whose view has the same hash knows
 * which member each position is and the full numbers it holds itself, so it recovers the sender's
 * numbers exactly as long as the two differ by less than 2<sup>15</sup> (see {@link #near}); a
 * member whose knowledge lags that far is long DEAD and reaped. A receiver with another view answers
 * with a named {@link Syn} of its own instead, so the two still converge.
 *
 * <p>When the whole view does not fit the datagram, the entries are a window of {@code entries.length}
 * consecutive positions starting at {@code offset} (wrapping), always covering the sender itself.
 *
 * @param viewHash the sender's view hash
 * @param viewSize how many members the view holds
 * @param offset   the position of the first entry
 * @param entries  per position: heartbeat low 16 bits &lt;&lt; 16 | state version low 16 bits
 */
public record CompactSyn(long viewHash, int viewSize, int offset, int[] entries) implements Message {

    public CompactSyn {
        entries = entries.clone();
        if (viewSize < 1 || offset < 0 || offset >= viewSize || entries.length > viewSize) {
            throw new IllegalArgumentException("bad compact syn window: size " + viewSize + ", offset " + offset
                    + ", entries " + entries.length);
        }
    }

    /** One entry of a member's heartbeat and state version. */
    public static int entry(long heartbeat, long stateVersion) {
        return (int) ((heartbeat & 0xFFFF) << 16 | stateVersion & 0xFFFF);
    }

    /** The heartbeat low bits of an entry. */
    public static int heartbeatBits(int entry) {
        return entry >>> 16;
    }

    /** The state-version low bits of an entry. */
    public static int stateBits(int entry) {
        return entry & 0xFFFF;
    }

    /**
     * The number nearest to {@code known} whose low 16 bits are {@code bits}: the peer's number,
     * provided the two differ by less than 2<sup>15</sup>. Never negative.
     */
    public static long near(long known, int bits) {
        long candidate = known + (short) (bits - (int) (known & 0xFFFF));
        return Math.max(0, candidate);
    }

    /** The entries (a copy). */
    @Override
    public int[] entries() {
        return entries.clone();
    }

    /** Entry {@code i} of the window, without copying. */
    public int entry(int i) {
        return entries[i];
    }

    /** How many entries the window holds. */
    public int count() {
        return entries.length;
    }

    @Override
    public MessageType type() {
        return MessageType.COMPACT_SYN;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactSyn s && s.viewHash == viewHash && s.viewSize == viewSize && s.offset == offset
                && Arrays.equals(s.entries, entries);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(viewHash) * 31 + Arrays.hashCode(entries);
    }

    @Override
    public String toString() {
        return "CompactSyn[view=" + Long.toHexString(viewHash) + ", size=" + viewSize + ", offset=" + offset
                + ", entries=" + entries.length + "]";
    }
}
