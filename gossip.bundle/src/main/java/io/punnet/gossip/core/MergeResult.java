package io.punnet.gossip.core;

import java.util.List;

/**
 * What merging one incoming state changed in the {@link MemberTable}.
 *
 * @param kind            the kind of change
 * @param record          the member's record (null for SELF, STALE and QUARANTINED)
 * @param heartbeatNewer  a newer heartbeat was learned (always true for NEW and RESTARTED)
 * @param changedKeys     application-state keys whose value changed, in key order
 */
record MergeResult(Kind kind, MemberRecord record, boolean heartbeatNewer, List<String> changedKeys) {

    enum Kind {
        /** A member not known before. */
        NEW,
        /** A known member with a higher generation. */
        RESTARTED,
        /** A known member: newer heartbeat or values. */
        UPDATED,
        /** Nothing new. */
        NONE,
        /** An older generation than known. */
        STALE,
        /** The state is about this node. */
        SELF,
        /** A member reaped recently, with nothing newer than when it was reaped. */
        QUARANTINED
    }

    static final MergeResult SELF = new MergeResult(Kind.SELF, null, false, List.of());
    static final MergeResult STALE = new MergeResult(Kind.STALE, null, false, List.of());
    static final MergeResult QUARANTINED = new MergeResult(Kind.QUARANTINED, null, false, List.of());

    /** True if anything was learned: what makes a rumor worth passing on. */
    boolean isNews() {
        return kind == Kind.NEW || kind == Kind.RESTARTED || heartbeatNewer || !changedKeys.isEmpty();
    }
}
