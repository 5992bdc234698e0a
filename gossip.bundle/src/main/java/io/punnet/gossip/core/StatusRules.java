package io.punnet.gossip.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.model.EndpointState;

/**
 * How what this node learns moves member statuses, and what each move tells the rest of the node
 * (events, the detector, rumors):
 * <ul>
 * <li>a newer heartbeat by any path feeds the detector and revives a SUSPECT or DEAD member (a
 * false suspicion heals; a revival of a DEAD one is rumored);</li>
 * <li>a new generation supersedes the old self at once (RESTARTED, ALIVE);</li>
 * <li>a state announcing a leave makes the member LEFT, whatever its heartbeat;</li>
 * <li>a death verdict rumored by another node is taken if this node knows no newer heartbeat.</li>
 * </ul>
 */
final class StatusRules implements Judge.Verdicts {

    private final MemberTable table;
    private final Events events;
    private final Rumors rumors;
    private final GossipCounters counters;
    private final BiConsumer<MemberRecord, Long> heartbeatLearned;

    StatusRules(MemberTable table, Events events, Rumors rumors, GossipCounters counters,
            BiConsumer<MemberRecord, Long> heartbeatLearned) {
        this.table = table;
        this.events = events;
        this.rumors = rumors;
        this.counters = counters;
        this.heartbeatLearned = heartbeatLearned;
    }

    /** Applies one merge. */
    void apply(MergeResult result, long now, boolean fromRumor) {
        MemberRecord r = result.record();
        switch (result.kind()) {
            case NEW -> {
                heartbeatLearned.accept(r, now);
                events.joined(r);
            }
            case RESTARTED -> {
                heartbeatLearned.accept(r, now);
                events.restarted(r);
                set(r, MemberTable.statusOf(r.state()), now);
            }
            case UPDATED -> updated(result, now, fromRumor);
            default -> {
                // nothing learned
            }
        }
    }

    private void updated(MergeResult result, long now, boolean fromRumor) {
        MemberRecord r = result.record();
        if (result.heartbeatNewer()) {
            heartbeatLearned.accept(r, now);
            if (r.status() == MemberStatus.SUSPECT) {
                set(r, MemberStatus.ALIVE, now);
            } else if (r.status() == MemberStatus.DEAD) {
                set(r, MemberStatus.ALIVE, now);
            }
        }
        for (String key : result.changedKeys()) {
            events.stateChanged(r, key);
            if (key.equals(MemberTable.STATUS_KEY) && MemberTable.statusOf(r.state()) == MemberStatus.LEFT) {
                set(r, MemberStatus.LEFT, now);
            }
        }
    }

    /**
     * Takes another node's death verdict if this node doubts the member too (suspects it, or has not
     * heard a newer heartbeat of it for {@code staleNanos}) and knows no newer heartbeat; true if
     * taken. A node that heard the member lately leaves the verdict to its own judge, so one wrong
     * verdict cannot sweep the cluster, while a crash (silent everywhere) is learned in milliseconds.
     */
    boolean acceptDeathVerdict(EndpointState subject, long now, long staleNanos) {
        MemberRecord r = table.get(subject.name());
        boolean doubts = r != null && (r.status() == MemberStatus.SUSPECT
                || r.status() == MemberStatus.ALIVE && now - r.lastHeardNanos() > staleNanos);
        if (!doubts || r.generation() != subject.heartbeat().generation()
                || r.heartbeat() > subject.heartbeat().version()) {
            return false;
        }
        set(r, MemberStatus.DEAD, now);
        return true;
    }

    @Override
    public void suspect(MemberRecord r, long now) {
        set(r, MemberStatus.SUSPECT, now);
    }

    @Override
    public void clear(MemberRecord r, long now) {
        set(r, MemberStatus.ALIVE, now);
    }

    @Override
    public void convict(MemberRecord r, long now) {
        counters.conviction();
        set(r, MemberStatus.DEAD, now);
        rumors.start(RumorKind.DEAD, bare(r.state()), 0);
    }

    private void set(MemberRecord r, MemberStatus status, long now) {
        MemberStatus previous = table.setStatus(r, status, now);
        if (previous != status) {
            events.statusChanged(r, previous);
        }
    }

    private static EndpointState bare(EndpointState s) {
        return EndpointState.of(s.name(), s.endpoint(), s.heartbeat());
    }

    /**
     * This node's suspects as published in {@code gossip.suspects}: the SUSPECT members, then the
     * DEAD ones (a convicted member stays listed until reaped, so that a late heartbeat that revives
     * it briefly is confirmed again at once), comma-separated, cut to the value limit.
     */
    String suspectList() {
        StringBuilder sb = new StringBuilder();
        appendAll(sb, MemberStatus.SUSPECT);
        appendAll(sb, MemberStatus.DEAD);
        return sb.toString();
    }

    private void appendAll(StringBuilder sb, MemberStatus status) {
        for (MemberRecord r : table.ordered()) {
            if (r.status() != status) {
                continue;
            }
            int extra = (sb.length() == 0 ? 0 : 1) + MessageSize.utf8Length(r.name());
            if (MessageSize.utf8Length(sb.toString()) + extra > Cluster.MAX_VALUE_BYTES) {
                return;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(r.name());
        }
    }

    /** The explanation of one member at {@code now}. */
    MemberInsight insight(MemberRecord r, long now) {
        Map<String, Long> by = new TreeMap<>();
        table.suspectedBy(r.name()).forEach((name, since) -> by.put(name, now - since));
        return new MemberInsight(r.name(), r.status(), r.generation(), r.heartbeat(), now - r.lastHeardNanos(),
                now - r.statusSinceNanos(), new TreeMap<>(by), r.lastSuspicion());
    }
}
