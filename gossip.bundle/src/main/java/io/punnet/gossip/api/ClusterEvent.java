package io.punnet.gossip.api;

/**
 * One change in this node's view of the cluster.
 *
 * @param type           what happened
 * @param member         the member after the change
 * @param previousStatus for {@link Type#STATUS_CHANGED}, the status before; otherwise null
 * @param key            for {@link Type#STATE_CHANGED}, the application-state key that changed;
 *                       otherwise null
 */
public record ClusterEvent(Type type, Member member, MemberStatus previousStatus, String key) {

    /** The kinds of change. */
    public enum Type {
        /** A member was seen for the first time (or again after it was removed). */
        JOINED,
        /** A member's status changed (see {@link ClusterEvent#previousStatus()}). */
        STATUS_CHANGED,
        /** One of a member's application-state values changed (see {@link ClusterEvent#key()}). */
        STATE_CHANGED,
        /** A member came back with a higher generation: it restarted. */
        RESTARTED,
        /** A dead or departed member was reaped from the membership. */
        REMOVED
    }
}
