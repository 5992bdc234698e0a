package io.punnet.gossip.api;

/**
 * Where a member stands, as seen by this node.
 *
 * <pre>
 *   ALIVE ──(phi ≥ threshold)──► SUSPECT ──(confirmed by others, or suspect too long)──► DEAD
 *     ▲                             │                                                      │
 *     └──────(newer heartbeat)──────┘◄───────────(newer heartbeat or generation)───────────┘
 *   any ──(graceful leave)──► LEFT            DEAD and LEFT members are removed after a reaping delay.
 * </pre>
 */
public enum MemberStatus {
    /** Heartbeats arrive as expected. */
    ALIVE,
    /** This node's detector finds the heartbeats late (phi at or above its threshold). */
    SUSPECT,
    /** Convicted: the suspicion was confirmed or lasted too long. */
    DEAD,
    /** The member announced a graceful leave. */
    LEFT;

    /** True for the states in which a member takes part in the cluster (ALIVE, SUSPECT). */
    public boolean isLive() {
        return this == ALIVE || this == SUSPECT;
    }
}
