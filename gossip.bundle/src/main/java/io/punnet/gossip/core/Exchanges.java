package io.punnet.gossip.core;

import java.util.List;

import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.CompactAck;
import io.punnet.gossip.core.message.CompactSyn;
import io.punnet.gossip.core.message.DigestPull;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.GossipDigest;

/**
 * The receiving side of anti-entropy: the named round ({@link Scuttlebutt}), the compact round
 * ({@link CompactRound}) and the stream requests (a full push-pull, a digest pull). Everything
 * learned goes through the {@link StatusRules}, so a newer heartbeat by any path feeds the detector.
 */
final class Exchanges {

    private final MemberTable table;
    private final Scuttlebutt scuttlebutt;
    private final CompactRound compact;
    private final Outbox outbox;
    private final StatusRules rules;
    private final GossipCounters counters;
    private final Contacts contacts;

    Exchanges(MemberTable table, Scuttlebutt scuttlebutt, CompactRound compact, Outbox outbox, StatusRules rules,
            GossipCounters counters, Contacts contacts) {
        this.table = table;
        this.scuttlebutt = scuttlebutt;
        this.compact = compact;
        this.outbox = outbox;
        this.rules = rules;
        this.counters = counters;
        this.contacts = contacts;
    }

    void syn(Endpoint from, Syn syn, long now) {
        learnHeartbeats(syn.digests(), now);
        outbox.send(from, scuttlebutt.ack(syn));
    }

    void ack(Endpoint from, Ack ack, long now) {
        learnHeartbeats(ack.requests(), now);
        mergeAll(ack.deltas(), now);
        Ack2 ack2 = scuttlebutt.ack2(ack);
        if (ack2 != null) {
            outbox.send(from, ack2);
        }
    }

    void ack2(Ack2 ack2, long now) {
        mergeAll(ack2.deltas(), now);
    }

    /** A SYN in this node's view is answered compactly; one in another view with a named SYN back. */
    void compactSyn(Endpoint from, CompactSyn syn, long now) {
        if (compact.sameView(syn)) {
            compact.learn(syn, this::learned, now);
            outbox.send(from, compact.ack(syn));
        } else {
            counters.viewMismatch();
            outbox.send(from, scuttlebutt.syn());
        }
    }

    /** The values of an ACK are taken whatever the view; its positions only in the same view. */
    void compactAck(Endpoint from, CompactAck ack, long now) {
        boolean sameView = compact.learn(ack, this::learned, now);
        mergeAll(ack.deltas(), now);
        if (!sameView) {
            counters.viewMismatch();
            return;
        }
        Ack2 ack2 = compact.ack2(ack);
        if (ack2 != null) {
            outbox.send(from, ack2);
        }
    }

    /** A stream request: a digest pull gets what the peer lacks, a push-pull this node's whole view. */
    PushPullResponse answer(StreamRequest request, long now) {
        if (request instanceof DigestPull pull) {
            learnHeartbeats(pull.digests(), now);
            return new PushPullResponse(scuttlebutt.pull(pull.digests()));
        }
        mergeAll(((PushPullRequest) request).states(), now);
        return new PushPullResponse(contacts.view());
    }

    void mergeAll(List<EndpointState> states, long now) {
        for (EndpointState s : states) {
            rules.apply(table.merge(s, 0, now), now, false);
        }
    }

    private void learnHeartbeats(List<GossipDigest> digests, long now) {
        for (GossipDigest d : digests) {
            rules.apply(table.learnHeartbeat(d, now), now, false);
        }
    }

    private void learned(MergeResult result, long now) {
        rules.apply(result, now, false);
    }
}
