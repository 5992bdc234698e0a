package io.punnet.gossip.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What gossip asks the failure detector about a peer. The detector bundle registers one as a
 * service; while none is registered (the detector is being updated, say) gossip falls back to a
 * plain heartbeat timeout and keeps running.
 *
 * <p>Time is always passed in ({@code nowNanos}, from the same monotonic clock for every call), so
 * an implementation is pure and testable on virtual time. Gossip calls these methods from its
 * single protocol thread; implementations must also allow concurrent reads from other threads.
 */
@ConsumerType
public interface Liveness {

    /**
     * A newer heartbeat of {@code member} was learned at {@code nowNanos}, directly from it or
     * through any peer. A higher {@code generation} than before means the member restarted: its
     * history starts again.
     */
    void heartbeat(String member, long generation, long nowNanos);

    /**
     * As {@link #heartbeat(String, long, long)}, with the heartbeat's {@code version}. A member's
     * heartbeat version counts its gossip rounds since it started and keeps pace with its
     * monotonic clock (it jumps ahead after the member was paused), so a detector may judge how
     * late the <em>next</em> version is from the version alone, whichever path it came by, rather
     * than from the spacing of arrivals. Gossip calls this one; the default drops the version.
     *
     * @since 1.1
     */
    default void heartbeat(String member, long generation, long version, long nowNanos) {
        heartbeat(member, generation, nowNanos);
    }

    /** The member was removed from the membership: forget all about it. */
    void forget(String member);

    /**
     * The local verdict on {@code member} at {@code nowNanos}. Gossip calls this for every live
     * member once per round; an implementation may use the spacing of these calls to notice that
     * this node itself was paused (GC, a starved CPU) and must then not suspect anybody for it.
     */
    Suspicion suspicion(String member, long nowNanos);
}
