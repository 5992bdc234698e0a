package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.ClusterEvent;
import io.punnet.gossip.api.GossipStats;
import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.Member;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.CompactAck;
import io.punnet.gossip.core.message.CompactSyn;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Rumor;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.message.StreamRequest;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.Endpoint;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.HeartbeatState;

/**
 * One gossiping node: the engine behind {@link Cluster}. It runs on a single protocol thread (see
 * {@link Scheduler}) and is not thread-safe: the bundle hands every call to that thread and serves
 * readers from snapshots; the simulator calls it from its event loop.
 *
 * <p>A round ({@link #tick()}, every {@link GossipSettings#roundIntervalNanos()}): bump the own
 * heartbeat; judge every live member ({@link Judge}); reap long-dead ones; open a Scuttlebutt
 * exchange ({@link Scuttlebutt}) with a random live peer, sometimes also with a DEAD one (so a healed
 * partition merges) and a seed (so an isolated node rejoins); every push-pull interval, exchange the
 * full state with a random peer over the stream. Between rounds, news travels by {@link Rumors}.
 */
public final class GossipNode implements Inbound {

    private final GossipSettings settings;
    private final Clock clock;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final GossipCounters counters = new GossipCounters();
    private final MemberTable table;
    private final LocalState local;
    private final Outbox outbox;
    private final Rumors rumors;
    private final Judge judge;
    private final Events events;
    private final StatusRules rules;
    private final TimeoutLiveness fallback;
    private final Contacts contacts;
    private final Exchanges exchanges;
    private Liveness liveness;
    private Scheduler.Cancellable nextTick;
    private boolean running;
    private boolean left;
    private long lastTickNanos = -1;
    private long graceUntilNanos = Long.MIN_VALUE;
    private long lastRefuteRound = -1;
    private long round;

    /**
     * @param name      this node's name (stable across restarts)
     * @param settings  the knobs
     * @param clock     time (the generation is its wall clock at construction)
     * @param scheduler runs the rounds on the protocol thread
     * @param random    the only source of randomness
     * @param transport the network
     * @param sink      receives cluster events in order (may be null)
     */
    public GossipNode(String name, GossipSettings settings, Clock clock, Scheduler scheduler,
            RandomGenerator random, Transport transport, Consumer<ClusterEvent> sink) {
        this(name, clock.wallMillis(), settings, clock, scheduler, random, transport, sink);
    }

    /** As the other constructor, with an explicit generation (boot time in ms, positive). */
    public GossipNode(String name, long generation, GossipSettings settings, Clock clock, Scheduler scheduler,
            RandomGenerator random, Transport transport, Consumer<ClusterEvent> sink) {
        StateBounds.checkKey(name);
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
        long now = clock.monotonicNanos();
        EndpointState self = EndpointState.of(name, transport.localEndpoint(), new HeartbeatState(generation, 0));
        this.table = new MemberTable(self, now);
        this.local = new LocalState(table, now, settings.roundIntervalNanos());
        this.outbox = new Outbox(transport, counters);
        Scuttlebutt scuttlebutt = new Scuttlebutt(table, random, settings.maxMessageBytes());
        CompactRound compact = new CompactRound(table, random, settings.maxMessageBytes());
        this.rumors = new Rumors(table, outbox, random, settings.rumorFanout(), settings.maxMessageBytes());
        this.events = new Events(sink, name);
        this.fallback = new TimeoutLiveness(settings.failureTimeoutNanos());
        this.rules = new StatusRules(table, events, rumors, counters, this::feed);
        this.judge = new Judge(table, settings, rules);
        this.contacts = new Contacts(settings, table, outbox, scuttlebutt, compact, random, now);
        this.exchanges = new Exchanges(table, scuttlebutt, compact, outbox, rules, counters, contacts);
        local.put(MemberTable.PROTOCOL_KEY, Integer.toString(MemberTable.PROTOCOL), now);
    }

    // ---- life cycle -------------------------------------------------------------------------

    /** Starts the rounds (the first at a random offset within one interval) and joins via a seed. */
    public void start() {
        if (running || left) {
            return;
        }
        running = true;
        graceUntilNanos = clock.monotonicNanos() + settings.pauseGraceNanos();
        nextTick = scheduler.schedule(random.nextLong(settings.roundIntervalNanos()), this::scheduledTick);
        contacts.joinViaSeed();
    }

    /** Stops the rounds without a goodbye (a crash, or before a bundle update). */
    public void stop() {
        running = false;
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    private void scheduledTick() {
        if (!running) {
            return;
        }
        tick();
        nextTick = scheduler.schedule(settings.roundIntervalNanos(), this::scheduledTick);
    }

    /** One gossip round (called by the scheduler; callable directly in tests). */
    public void tick() {
        long now = clock.monotonicNanos();
        guardAgainstOwnPause(now);
        lastTickNanos = now;
        round++;
        counters.round();
        local.beat(now);
        judge.judge(currentLiveness(), now, now < graceUntilNanos);
        publishSuspects(now);
        for (MemberRecord r : table.reap(now, settings.reapDelayNanos())) {
            fallback.forget(r.name());
            if (liveness != null) {
                liveness.forget(r.name());
            }
            events.removed(r);
        }
        contacts.round(now);
    }

    /** A round that comes much later than planned means this node stood still: forgive the silence. */
    private void guardAgainstOwnPause(long now) {
        if (lastTickNanos >= 0 && now - lastTickNanos > settings.pauseThresholdNanos()) {
            graceUntilNanos = now + settings.pauseGraceNanos();
            fallback.forgive(now);
            for (MemberRecord r : table.livePeers()) {
                r.restartStatusClock(now);
            }
        }
    }

    // ---- inbound ------------------------------------------------------------------------------

    @Override
    public void receive(Endpoint from, Message message, int wireBytes) {
        counters.received(wireBytes);
        if (left) {
            counters.dropped("left");
            return;
        }
        long now = clock.monotonicNanos();
        if (message instanceof Syn syn) {
            exchanges.syn(from, syn, now);
        } else if (message instanceof Ack ack) {
            exchanges.ack(from, ack, now);
        } else if (message instanceof Ack2 ack2) {
            exchanges.ack2(ack2, now);
        } else if (message instanceof CompactSyn syn) {
            exchanges.compactSyn(from, syn, now);
        } else if (message instanceof CompactAck ack) {
            exchanges.compactAck(from, ack, now);
        } else if (message instanceof Rumor rumor) {
            onRumor(rumor, now);
        } else if (message instanceof PushPullResponse response) {
            onPushPullResponse(response, now);
        } else {
            counters.dropped("unexpected");
        }
    }

    @Override
    public PushPullResponse answer(Endpoint from, StreamRequest request, int wireBytes) {
        counters.received(wireBytes);
        return exchanges.answer(request, clock.monotonicNanos());
    }

    @Override
    public void pushPullFailed(Endpoint to, String reason) {
        counters.dropped("push-pull-" + reason);
        contacts.pushPullFailed(clock.monotonicNanos());
    }

    @Override
    public void dropped(String reason) {
        counters.dropped(reason);
    }

    @Override
    public void sent(int wireBytes) {
        counters.sent(wireBytes);
    }

    private void onPushPullResponse(PushPullResponse response, long now) {
        boolean wasAlone = table.livePeers().isEmpty();
        exchanges.mergeAll(response.states(), now);
        if (wasAlone && !table.livePeers().isEmpty()) {
            rumors.start(RumorKind.JOINED, local.state(), 0);
        }
    }

    private void onRumor(Rumor rumor, long now) {
        EndpointState subject = rumor.subject();
        if (subject.name().equals(table.localName())) {
            if (rumor.kind() == RumorKind.DEAD && subject.heartbeat().generation()
                    == local.state().heartbeat().generation()) {
                refute(now);
            }
            return;
        }
        if (rumor.kind() == RumorKind.DEAD) {
            if (rules.acceptDeathVerdict(subject, now, 2 * settings.roundIntervalNanos())) {
                rumors.forward(rumor, null);
            }
            return;
        }
        MergeResult result = table.merge(subject, rumor.baseStateVersion(), now);
        rules.apply(result, now, true);
        if (result.changedKeys().contains(MemberTable.SUSPECTS_KEY) && now >= graceUntilNanos) {
            // a confirmation may have arrived: judge the suspects now, not at the next round
            judge.reconsider(now);
        }
        if (result.isNews() && !onlySuspects(rumor)) {
            rumors.forward(rumor, null);
        }
    }

    /**
     * A change of a node's published suspects goes to its fanout peers only, and on by anti-entropy:
     * in a big cluster many lists change every round, and flooding each would cost N² datagrams.
     */
    private static boolean onlySuspects(Rumor rumor) {
        return rumor.kind() == RumorKind.STATE && rumor.subject().applicationState().size() == 1
                && rumor.subject().applicationState().containsKey(MemberTable.SUSPECTS_KEY);
    }

    /** Someone convicted this node: a newer heartbeat, told at once, proves it wrong. */
    private void refute(long now) {
        if (lastRefuteRound == round) {
            return;
        }
        lastRefuteRound = round;
        local.beat(now);
        rumors.start(RumorKind.ALIVE, EndpointState.of(table.localName(), local.state().endpoint(),
                local.state().heartbeat()), 0);
    }

    private void feed(MemberRecord r, long now) {
        if (liveness != null) {
            liveness.heartbeat(r.name(), r.generation(), r.heartbeat(), now);
        } else {
            fallback.heartbeat(r.name(), r.generation(), now);
        }
    }

    private Liveness currentLiveness() {
        return liveness != null ? liveness : fallback;
    }

    private void publishSuspects(long now) {
        String value = rules.suspectList();
        String current = local.state().value(MemberTable.SUSPECTS_KEY);
        if (value.equals(current == null ? "" : current)) {
            return;
        }
        publish(MemberTable.SUSPECTS_KEY, value, now);
    }

    private void publish(String key, String value, long now) {
        long base = local.stateVersion();
        if (local.put(key, value, now)) {
            events.stateChanged(table.local(), key);
            rumors.start(RumorKind.STATE, local.state().deltaAfter(base), base);
        }
    }

    // ---- the API surface -----------------------------------------------------------------------

    /**
     * Uses this detector from now on (null: the timeout fallback). The fallback is fed only while
     * it is in use; when it takes over, it starts from when each member was last heard.
     */
    public void setLiveness(Liveness detector) {
        if (detector == null && liveness != null) {
            for (MemberRecord r : table.all()) {
                if (r != table.local()) {
                    fallback.heartbeat(r.name(), r.generation(), r.lastHeardNanos());
                }
            }
        }
        this.liveness = detector;
    }

    /** See {@link Cluster#setApplicationState(String, String)}. */
    public void setApplicationState(String key, String value) {
        StateBounds.checkUserEntry(key, value);
        StateBounds.checkTotal(local.state().applicationState(), key, value);
        publish(key, value, clock.monotonicNanos());
    }

    /** See {@link Cluster#addSeed(String, int)}. */
    public void addSeed(Endpoint seed) {
        boolean added = contacts.addSeed(seed);
        if (added && running && table.livePeers().isEmpty()) {
            contacts.joinViaSeed();
        }
    }

    /** See {@link Cluster#leave()}: announces LEFT by rumor, then stops the rounds. */
    public void leave() {
        if (left) {
            return;
        }
        long now = clock.monotonicNanos();
        long base = local.stateVersion();
        local.beat(now);
        local.put(MemberTable.STATUS_KEY, MemberTable.LEFT_VALUE, now);
        MemberStatus previous = table.setStatus(table.local(), MemberStatus.LEFT, now);
        events.statusChanged(table.local(), previous);
        rumors.start(RumorKind.LEFT, local.state().deltaAfter(base), base);
        left = true;
        stop();
    }

    /** The name of this node. */
    public String name() {
        return table.localName();
    }

    /** This node's generation. */
    public long generation() {
        return local.state().heartbeat().generation();
    }

    /** This node as gossiped now. */
    public Member local() {
        return events.member(table.local());
    }

    /** Every member known, this node included, by name. */
    public List<Member> members() {
        List<Member> list = new ArrayList<>(table.size());
        for (MemberRecord r : table.ordered()) {
            list.add(events.member(r));
        }
        return list;
    }

    /** One member. */
    public Optional<Member> member(String name) {
        MemberRecord r = table.get(name);
        return r == null ? Optional.empty() : Optional.of(events.member(r));
    }

    /** The status of one member here, or null if unknown (cheap: no snapshot). */
    public MemberStatus statusOf(String name) {
        MemberRecord r = table.get(name);
        return r == null ? null : r.status();
    }

    /** The gossiped state of one member here, or null if unknown (cheap: no snapshot). */
    public EndpointState stateOf(String name) {
        MemberRecord r = table.get(name);
        return r == null ? null : r.state();
    }

    /** How many members are known (this node included). */
    public int size() {
        return table.size();
    }

    /** Why this node sees a member as it does. */
    public Optional<MemberInsight> insight(String name) {
        MemberRecord r = table.get(name);
        return r == null ? Optional.empty() : Optional.of(rules.insight(r, clock.monotonicNanos()));
    }

    /** The counters. */
    public GossipStats stats() {
        return counters.snapshot();
    }

    /** The counters, live (for the simulator's bandwidth figures). */
    public GossipCounters counters() {
        return counters;
    }
}
