package io.punnet.gossip.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.punnet.gossip.api.Liveness;
import io.punnet.gossip.api.MemberStatus;
import io.punnet.gossip.api.Suspicion;

/**
 * The verdicts of one round. Each live member is put to the {@link Liveness} (the detector, or the
 * timeout fallback): ALIVE becomes SUSPECT when it is suspected, SUSPECT heals to ALIVE when it no
 * longer is. A SUSPECT becomes DEAD when k other live members, and at least the confirmation quorum
 * of them, publish it as a suspect too (capped by how many other live members there are), so that
 * one lossy link or one late heartbeat cannot convict, or when the
 * suspicion outlasts the suspicion timeout, so that a verdict comes even where nobody can confirm.
 *
 * <p>Guards: right after this node itself started or was paused, nobody is newly suspected or
 * convicted for the grace period: the silence it saw was its own. A member learned of (or restarted)
 * less than the suspicion timeout ago is not suspected yet: the detector has too little history of
 * it, and while a node joins, its heartbeats spread slowly through a cluster that is still learning
 * of it.
 */
final class Judge {

    /** How the engine applies a verdict (events, rumors, counters). */
    interface Verdicts {
        void suspect(MemberRecord r, long nowNanos);

        void clear(MemberRecord r, long nowNanos);

        void convict(MemberRecord r, long nowNanos);
    }

    private final MemberTable table;
    private final GossipSettings settings;
    private final Verdicts verdicts;

    Judge(MemberTable table, GossipSettings settings, Verdicts verdicts) {
        this.table = table;
        this.settings = settings;
        this.verdicts = verdicts;
    }

    /** Runs the verdicts of one round. */
    void judge(Liveness liveness, long nowNanos, boolean inGrace) {
        List<MemberRecord> suspects = new ArrayList<>();
        for (MemberRecord r : new ArrayList<>(table.livePeers())) {
            Suspicion s = liveness.suspicion(r.name(), nowNanos);
            r.lastSuspicion(s);
            boolean fresh = nowNanos - r.knownSinceNanos() < settings.suspicionTimeoutNanos();
            if (r.status() == MemberStatus.ALIVE && s.suspect() && !inGrace && !fresh) {
                verdicts.suspect(r, nowNanos);
            } else if (r.status() == MemberStatus.SUSPECT && !s.suspect()) {
                verdicts.clear(r, nowNanos);
            }
            if (r.status() == MemberStatus.SUSPECT) {
                suspects.add(r);
            }
        }
        if (inGrace) {
            return;
        }
        int liveOthers = table.livePeers().size() - 1;
        int needed = needed(liveOthers);
        for (MemberRecord r : suspects) {
            if (confirmations(r) >= needed
                    || nowNanos - r.statusSinceNanos() >= settings.suspicionTimeoutNanos()) {
                verdicts.convict(r, nowNanos);
            }
        }
    }

    /** Convicts the current suspects whose confirmations are now complete (between rounds). */
    void reconsider(long nowNanos) {
        int needed = needed(table.livePeers().size() - 1);
        for (MemberRecord r : new ArrayList<>(table.livePeers())) {
            if (r.status() == MemberStatus.SUSPECT && confirmations(r) >= needed) {
                verdicts.convict(r, nowNanos);
            }
        }
    }

    /** Confirmations needed with {@code liveOthers} other live members: k or the quorum, capped. */
    int needed(int liveOthers) {
        int quorum = (int) Math.ceil(settings.confirmationQuorum() * liveOthers);
        return Math.min(Math.max(settings.confirmations(), quorum), Math.max(0, liveOthers));
    }

    /** How many other live members publish {@code r} as a suspect. */
    int confirmations(MemberRecord r) {
        int n = 0;
        for (Map.Entry<String, Long> e : table.suspectedBy(r.name()).entrySet()) {
            if (e.getKey().equals(table.localName())) {
                continue;
            }
            MemberRecord by = table.get(e.getKey());
            if (by != null && by.status().isLive()) {
                n++;
            }
        }
        return n;
    }
}
