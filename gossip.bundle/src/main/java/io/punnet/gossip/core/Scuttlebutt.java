package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;

/**
 * One Scuttlebutt round, as in Cassandra's gossiper, from both sides.
 * <ol>
 * <li>A sends SYN: a digest (name, generation, heartbeat, state version) per member it knows.</li>
 * <li>B first takes every newer heartbeat the digests carry (a digest proves its sender learned
 * that heartbeat: heartbeats need no delta), then answers ACK: its own digest for each member where
 * it knows a newer heartbeat (A takes it the same way) or fewer values (a request: "send me the
 * values after this version"); a delta for each member where it holds newer values or a newer
 * generation; and, when the SYN was complete, the full state of members A did not mention.</li>
 * <li>A takes the ACK's heartbeats and deltas and answers ACK2 with the values B asked for (not
 * sent when empty).</li>
 * </ol>
 * Every message is cut to the datagram budget: a SYN then carries this node's digest and a window
 * of the others starting at a random member (so every member comes round), deltas are packed by
 * {@link DeltaPacker}. A digest with generation 0 in an ACK asks for the member's full state.
 */
final class Scuttlebutt {

    private static final Comparator<GossipDigest> BY_NAME = Comparator.comparing(GossipDigest::name);

    private final MemberTable table;
    private final RandomGenerator random;
    private final int budget;

    Scuttlebutt(MemberTable table, RandomGenerator random, int budget) {
        this.table = table;
        this.random = random;
        this.budget = budget;
    }

    /** The SYN of this round. */
    Syn syn() {
        List<MemberRecord> all = table.ordered();
        int room = budget - 4;
        List<GossipDigest> digests = new ArrayList<>();
        GossipDigest self = table.local().digest();
        digests.add(self);
        room -= MessageSize.digest(self);
        int start = random.nextInt(all.size());
        boolean partial = false;
        for (int i = 0; i < all.size(); i++) {
            MemberRecord r = all.get((start + i) % all.size());
            if (r == table.local()) {
                continue;
            }
            GossipDigest d = r.digest();
            int size = MessageSize.digest(d);
            if (size > room) {
                partial = true;
                break;
            }
            digests.add(d);
            room -= size;
        }
        digests.sort(BY_NAME);
        return new Syn(digests, partial);
    }

    /** B's answer to A's SYN, once B took the SYN's heartbeats. */
    Ack ack(Syn syn) {
        List<GossipDigest> digests = new ArrayList<>();
        List<DeltaPacker.Candidate> deltas = new ArrayList<>();
        Set<String> mentioned = new TreeSet<>();
        int room = budget / 2;
        for (GossipDigest d : syn.digests()) {
            mentioned.add(d.name());
            MemberRecord rec = table.get(d.name());
            if (rec == null || d.generation() > rec.generation()) {
                room = add(digests, new GossipDigest(d.name(), 0, 0, 0), room);
                continue;
            }
            if (d.generation() < rec.generation()) {
                deltas.add(new DeltaPacker.Candidate(rec.state(), DeltaPacker.TOP));
                continue;
            }
            if (d.stateVersion() > rec.stateVersion() || rec.heartbeat() > d.heartbeat()) {
                room = add(digests, rec.digest(), room);
            }
            if (rec.stateVersion() > d.stateVersion()) {
                deltas.add(DeltaPacker.valuesAfter(rec, d.stateVersion(), rec == table.local()));
            }
        }
        if (!syn.partial()) {
            for (MemberRecord rec : table.all()) {
                if (!mentioned.contains(rec.name())) {
                    deltas.add(new DeltaPacker.Candidate(rec.state(), DeltaPacker.TOP));
                }
            }
        }
        int used = MessageSize.count(digests.size());
        for (GossipDigest r : digests) {
            used += MessageSize.digest(r);
        }
        return new Ack(digests, DeltaPacker.pack(deltas, budget - 1 - used, random));
    }

    private static int add(List<GossipDigest> digests, GossipDigest d, int room) {
        int size = MessageSize.digest(d);
        if (size <= room) {
            digests.add(d);
            return room - size;
        }
        return room;
    }

    /** Digests of every member, for a {@link io.punnet.gossip.core.message.DigestPull}. */
    List<GossipDigest> digests() {
        List<GossipDigest> digests = new ArrayList<>(table.size());
        for (MemberRecord r : table.ordered()) {
            digests.add(r.digest());
        }
        return digests;
    }

    /**
     * The answer to a digest pull: what the puller lacks, with no datagram budget (the stream
     * carries it): the values after each digest, the full state where the puller knows an older
     * generation, and the full state of every member it did not mention.
     */
    List<EndpointState> pull(List<GossipDigest> digests) {
        List<EndpointState> states = new ArrayList<>();
        Set<String> mentioned = new java.util.HashSet<>();
        for (GossipDigest d : digests) {
            mentioned.add(d.name());
            MemberRecord rec = table.get(d.name());
            if (rec == null || rec.generation() < d.generation()) {
                continue;
            }
            if (rec.generation() > d.generation()) {
                states.add(rec.state());
            } else if (rec.stateVersion() > d.stateVersion()) {
                states.add(rec.state().deltaAfter(d.stateVersion()));
            }
        }
        for (MemberRecord rec : table.ordered()) {
            if (!mentioned.contains(rec.name())) {
                states.add(rec.state());
            }
        }
        return states;
    }

    /** A's answer to B's ACK (after taking its heartbeats and deltas): the values B lacks; null when none. */
    Ack2 ack2(Ack ack) {
        List<DeltaPacker.Candidate> deltas = new ArrayList<>();
        for (GossipDigest r : ack.requests()) {
            MemberRecord rec = table.get(r.name());
            if (rec == null) {
                continue;
            }
            if (r.generation() != rec.generation()) {
                if (r.generation() < rec.generation()) {
                    deltas.add(new DeltaPacker.Candidate(rec.state(), DeltaPacker.TOP));
                }
            } else if (rec.stateVersion() > r.stateVersion()) {
                deltas.add(DeltaPacker.valuesAfter(rec, r.stateVersion(), rec == table.local()));
            }
        }
        if (deltas.isEmpty()) {
            return null;
        }
        return new Ack2(DeltaPacker.pack(deltas, budget - 1, random));
    }
}
