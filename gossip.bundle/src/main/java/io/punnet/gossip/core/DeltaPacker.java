package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * Fills a datagram with states up to a byte budget. The candidates the peer lags most behind go
 * first (the sender's own state and states the peer lacks entirely before all), ties in a random
 * order so that over rounds every one gets through; each whole if it fits, or cut to its heartbeat
 * and a prefix of its values in version order, which keeps the receiver free of holes (see
 * {@link EndpointState}).
 */
final class DeltaPacker {

    private static final Comparator<Map.Entry<String, VersionedValue>> BY_VERSION =
            Comparator.comparingLong(e -> e.getValue().version());

    private DeltaPacker() {
    }

    /** A state to send and how far the peer lags behind on it (higher goes first). */
    record Candidate(EndpointState state, long lag) {
    }

    /** The lag of a state the peer lacks entirely, or of this node's own state. */
    static final long TOP = Long.MAX_VALUE;
    private static final long VALUES_FIRST = 1_000_000L;

    /**
     * The values of {@code r} after the version a peer holds, ranked for packing: this node's own
     * values first ({@code own}), then the members the peer lags furthest behind on.
     */
    static Candidate valuesAfter(MemberRecord r, long theirVersion, boolean own) {
        long lag = own ? TOP : VALUES_FIRST + r.stateVersion() - theirVersion;
        return new Candidate(r.state().deltaAfter(theirVersion), lag);
    }

    /**
     * @param candidates states to send, in any order (not modified)
     * @param budget     bytes available for the list (its count included)
     */
    static List<EndpointState> pack(List<Candidate> candidates, int budget, RandomGenerator random) {
        List<Candidate> order = new ArrayList<>(candidates);
        shuffle(order, random);
        order.sort(Comparator.comparingLong(Candidate::lag).reversed());
        List<EndpointState> packed = new ArrayList<>();
        int used = MessageSize.count(order.size());
        for (Candidate c : order) {
            EndpointState s = c.state();
            int size = MessageSize.state(s);
            if (used + size <= budget) {
                packed.add(s);
                used += size;
                continue;
            }
            EndpointState cut = prefix(s, budget - used);
            if (cut != null) {
                packed.add(cut);
                used += MessageSize.state(cut);
            }
        }
        return packed;
    }

    /** The state cut to its heartbeat and the longest value prefix (by version) that fits, or null. */
    static EndpointState prefix(EndpointState s, int room) {
        EndpointState bare = EndpointState.of(s.name(), s.endpoint(), s.heartbeat());
        int used = MessageSize.state(bare) + 1;
        if (used > room) {
            return null;
        }
        List<Map.Entry<String, VersionedValue>> entries = new ArrayList<>(s.applicationState().entrySet());
        entries.sort(BY_VERSION);
        TreeMap<String, VersionedValue> kept = new TreeMap<>();
        for (Map.Entry<String, VersionedValue> e : entries) {
            int size = MessageSize.value(e.getKey(), e.getValue());
            if (used + size > room) {
                break;
            }
            kept.put(e.getKey(), e.getValue());
            used += size;
        }
        return kept.isEmpty() ? bare : new EndpointState(s.name(), s.endpoint(), s.heartbeat(), kept);
    }

    static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
