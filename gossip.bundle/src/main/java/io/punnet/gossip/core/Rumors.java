package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.Rumor;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.model.EndpointState;

/**
 * Rumor mongering: news is pushed at once to {@code fanout} random live peers; a peer that learns
 * something from it pushes it on the same way, one that already knew stays quiet. So news reaches
 * the cluster in about log(N) network hops, within milliseconds, and costs fanout × N datagrams.
 * A rumor too big for a datagram carries its subject's heartbeat and a prefix of its values.
 */
final class Rumors {

    private final MemberTable table;
    private final Outbox outbox;
    private final RandomGenerator random;
    private final int fanout;
    private final int budget;

    Rumors(MemberTable table, Outbox outbox, RandomGenerator random, int fanout, int budget) {
        this.table = table;
        this.outbox = outbox;
        this.random = random;
        this.fanout = fanout;
        this.budget = budget;
    }

    /** Starts a rumor about {@code subject}, whose values follow {@code base}. */
    void start(RumorKind kind, EndpointState subject, long base) {
        spread(new Rumor(kind, fit(subject), base), null);
    }

    /** Passes a rumor on, except to the peer it came from and to its subject. */
    void forward(Rumor rumor, String fromName) {
        spread(rumor, fromName);
    }

    private void spread(Rumor rumor, String exclude) {
        List<MemberRecord> peers = table.livePeers();
        if (peers.isEmpty() || fanout == 0) {
            return;
        }
        String subject = rumor.subject().name();
        List<MemberRecord> targets = new ArrayList<>(fanout);
        int tries = 0;
        while (targets.size() < fanout && tries < fanout * 4) {
            tries++;
            MemberRecord r = peers.get(random.nextInt(peers.size()));
            if (r.name().equals(subject) || r.name().equals(exclude) || targets.contains(r)) {
                continue;
            }
            targets.add(r);
        }
        for (MemberRecord r : targets) {
            outbox.send(r.state().endpoint(), rumor);
        }
    }

    private EndpointState fit(EndpointState s) {
        int room = budget - 16;
        if (MessageSize.state(s) <= room) {
            return s;
        }
        EndpointState cut = DeltaPacker.prefix(s, room);
        return cut != null ? cut : EndpointState.of(s.name(), s.endpoint(), s.heartbeat());
    }
}
