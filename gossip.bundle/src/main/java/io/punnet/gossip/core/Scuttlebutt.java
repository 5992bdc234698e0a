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
 * <li>B answers ACK: for each digest, a request if A knows more (B's own digest: "send me what is
 * newer than this"), a delta if B knows more; and, when the SYN was complete, the full state of
 * members A did not mention.</li>
 * <li>A answers ACK2 with what B requested (not sent when empty).</li>
 * </ol>
 * Every message is cut to the datagram budget: a SYN then carries this node's digest and a window
 * of the others starting at a random member (so every member comes round), deltas are packed by
 * {@link DeltaPacker}. A request digest with generation 0 asks for the member's full state.
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
        GossipDigest self = table.local().state().digest();
        digests.add(self);
        room -= MessageSize.digest(self);
        int start = random.nextInt(all.size());
        boolean partial = false;
        for (int i = 0; i < all.size(); i++) {
            MemberRecord r = all.get((start + i) % all.size());
            if (r == table.local()) {
                continue;
            }
            GossipDigest d = r.state().digest();
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

    /** B's answer to A's SYN. */
    Ack ack(Syn syn) {
        List<GossipDigest> requests = new ArrayList<>();
        List<EndpointState> deltas = new ArrayList<>();
        Set<String> mentioned = new TreeSet<>();
        int room = budget / 2;
        for (GossipDigest d : syn.digests()) {
            mentioned.add(d.name());
            MemberRecord rec = table.get(d.name());
            if (rec == null || d.generation() > rec.generation()) {
                room = request(requests, new GossipDigest(d.name(), 0, 0, 0), room);
                continue;
            }
            if (d.generation() < rec.generation()) {
                deltas.add(rec.state());
                continue;
            }
            if (d.heartbeat() > rec.heartbeat() || d.stateVersion() > rec.stateVersion()) {
                room = request(requests, rec.state().digest(), room);
            }
            if (rec.heartbeat() > d.heartbeat() || rec.stateVersion() > d.stateVersion()) {
                deltas.add(rec.state().deltaAfter(d.stateVersion()));
            }
        }
        if (!syn.partial()) {
            for (MemberRecord rec : table.all()) {
                if (!mentioned.contains(rec.name())) {
                    deltas.add(rec.state());
                }
            }
        }
        int used = MessageSize.count(requests.size());
        for (GossipDigest r : requests) {
            used += MessageSize.digest(r);
        }
        return new Ack(requests, DeltaPacker.pack(deltas, budget - 1 - used, random));
    }

    private static int request(List<GossipDigest> requests, GossipDigest d, int room) {
        int size = MessageSize.digest(d);
        if (size <= room) {
            requests.add(d);
            return room - size;
        }
        return room;
    }

    /** A's answer to B's ACK (after merging its deltas): what B asked for; null when nothing. */
    Ack2 ack2(Ack ack) {
        List<EndpointState> deltas = new ArrayList<>();
        for (GossipDigest r : ack.requests()) {
            MemberRecord rec = table.get(r.name());
            if (rec == null) {
                continue;
            }
            if (r.generation() != rec.generation()) {
                deltas.add(rec.state());
            } else if (rec.heartbeat() > r.heartbeat() || rec.stateVersion() > r.stateVersion()) {
                deltas.add(rec.state().deltaAfter(r.stateVersion()));
            }
        }
        if (deltas.isEmpty()) {
            return null;
        }
        return new Ack2(DeltaPacker.pack(deltas, budget - 1, random));
    }
}
