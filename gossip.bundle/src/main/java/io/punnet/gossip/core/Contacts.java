package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;

/**
 * Whom this node talks to. Each round: a SYN to a random live peer; with probability
 * dead / (live + 1) one to a DEAD member too (so a healed partition merges without waiting for
 * seeds); and to a seed that is not a live member, always when no peer is live, otherwise with
 * probability 1 / (live + 1) (so an isolated node rejoins and two clusters that forgot each other
 * merge). Full-state push-pulls: to a seed to join (retried while no peer is live), then with a random
 * live peer at 1, 2, 4... rounds after the join (a new node learns a big cluster in a few exchanges)
 * up to the push-pull interval.
 */
final class Contacts {

    private final GossipSettings settings;
    private final MemberTable table;
    private final Outbox outbox;
    private final Scuttlebutt scuttlebutt;
    private final RandomGenerator random;
    private final Set<Endpoint> seeds = new TreeSet<>();
    private long nextPushPullNanos;
    private long pushPullBackoffNanos;

    Contacts(GossipSettings settings, MemberTable table, Outbox outbox, Scuttlebutt scuttlebutt,
            RandomGenerator random, long nowNanos) {
        this.settings = settings;
        this.table = table;
        this.outbox = outbox;
        this.scuttlebutt = scuttlebutt;
        this.random = random;
        this.pushPullBackoffNanos = settings.roundIntervalNanos();
        this.nextPushPullNanos = nowNanos + pushPullBackoffNanos;
    }

    /** Adds a seed; true if it is new. */
    boolean addSeed(Endpoint seed) {
        return seeds.add(seed);
    }

    /** A push-pull failed: while alone, try another seed next round. */
    void pushPullFailed(long nowNanos) {
        if (table.livePeers().isEmpty()) {
            nextPushPullNanos = nowNanos;
        }
    }

    /** The round's exchanges. */
    void round(long now) {
        gossip();
        maybePushPull(now);
    }

    private void gossip() {
        List<MemberRecord> live = table.livePeers();
        List<MemberRecord> dead = table.deadPeers();
        if (live.isEmpty() && dead.isEmpty() && seeds.isEmpty()) {
            return;
        }
        Syn syn = scuttlebutt.syn();
        if (!live.isEmpty()) {
            outbox.send(pick(live).state().endpoint(), syn);
        }
        if (!dead.isEmpty() && random.nextDouble() * (live.size() + 1) < dead.size()) {
            outbox.send(pick(dead).state().endpoint(), syn);
        }
        Endpoint seed = unknownSeed();
        if (seed != null && (live.isEmpty() || random.nextInt(live.size() + 1) == 0)) {
            outbox.send(seed, syn);
        }
    }

    /** A random seed that is neither this node nor a live member, or null. */
    private Endpoint unknownSeed() {
        if (seeds.isEmpty()) {
            return null;
        }
        List<Endpoint> list = new ArrayList<>(seeds);
        Endpoint e = list.get(random.nextInt(list.size()));
        if (e.equals(outbox.transport().localEndpoint())) {
            return null;
        }
        for (MemberRecord r : table.livePeers()) {
            if (r.state().endpoint().equals(e)) {
                return null;
            }
        }
        return e;
    }

    private void maybePushPull(long now) {
        if (now < nextPushPullNanos) {
            return;
        }
        List<MemberRecord> live = table.livePeers();
        if (live.isEmpty()) {
            joinViaSeed();
            nextPushPullNanos = now + 4 * settings.roundIntervalNanos();
        } else {
            outbox.transport().pushPull(pick(live).state().endpoint(), new PushPullRequest(view(), false));
            // right after a join the view is still small: exchange full views at 1, 2, 4... rounds
            // until the push-pull interval, so a node learns a big cluster in a few exchanges
            nextPushPullNanos = now + pushPullBackoffNanos;
            pushPullBackoffNanos = Math.min(2 * pushPullBackoffNanos, settings.pushPullIntervalNanos());
        }
    }

    void joinViaSeed() {
        Endpoint self = outbox.transport().localEndpoint();
        List<Endpoint> candidates = new ArrayList<>();
        for (Endpoint e : seeds) {
            if (!e.equals(self)) {
                candidates.add(e);
            }
        }
        if (!candidates.isEmpty()) {
            outbox.transport().pushPull(candidates.get(random.nextInt(candidates.size())),
                    new PushPullRequest(view(), true));
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    List<EndpointState> view() {
        List<EndpointState> states = new ArrayList<>(table.size());
        for (MemberRecord r : table.ordered()) {
            states.add(r.state());
        }
        return states;
    }

}
