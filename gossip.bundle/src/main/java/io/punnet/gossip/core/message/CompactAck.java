package io.punnet.gossip.core.message;

import java.util.Arrays;
import java.util.List;

import io.punnet.gossip.core.model.EndpointState;

/**
 * The answer to a {@link CompactSyn}, in the same view: the answering node's entry (heartbeat and
 * state version low bits, as in the SYN) for every position where it knows a newer heartbeat or a
 * different state version, and the values it holds newer than the SYN's (deltas). The SYN's sender
 * takes the heartbeats and deltas, and sends in an {@link Ack2} the values where its own state
 * version is the higher.
 *
 * @param viewHash  the view both sides share
 * @param positions ascending positions in the view
 * @param entries   the answering node's entry for each position
 * @param deltas    states newer than the SYN's entries
 */
public record CompactAck(long viewHash, int[] positions, int[] entries, List<EndpointState> deltas)
        implements Message {

    public CompactAck {
        positions = positions.clone();
        entries = entries.clone();
        deltas = List.copyOf(deltas);
        if (positions.length != entries.length) {
            throw new IllegalArgumentException("positions and entries differ in length");
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0 || i > 0 && positions[i] <= positions[i - 1]) {
                throw new IllegalArgumentException("positions must be ascending and non-negative");
            }
        }
    }

    /** How many entries. */
    public int count() {
        return positions.length;
    }

    /** Position {@code i}, without copying. */
    public int position(int i) {
        return positions[i];
    }

    /** Entry {@code i}, without copying. */
    public int entry(int i) {
        return entries[i];
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    @Override
    public int[] entries() {
        return entries.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.COMPACT_ACK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactAck a && a.viewHash == viewHash && Arrays.equals(a.positions, positions)
                && Arrays.equals(a.entries, entries) && a.deltas.equals(deltas);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(viewHash) * 31 + Arrays.hashCode(entries)) * 31 + deltas.hashCode();
    }

    @Override
    public String toString() {
        return "CompactAck[view=" + Long.toHexString(viewHash) + ", entries=" + positions.length + ", deltas="
                + deltas.size() + "]";
    }
}
