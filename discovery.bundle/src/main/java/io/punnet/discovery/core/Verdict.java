package io.punnet.discovery.core;

/** What {@link PeerBook} made of one {@link Sighting}. */
public enum Verdict {
    /** A peer of this cluster at an endpoint not seen before: its seeds go to gossip. */
    NEW_ENDPOINT,
    /** A peer of this cluster at endpoints already known: nothing to do. */
    KNOWN,
    /** This node's own announcement, heard back. */
    SELF,
    /** A well-formed announcement of another cluster. */
    OTHER_CLUSTER,
    /** An announcement version this node does not speak. */
    UNKNOWN_VERSION,
    /** Not a Punnet announcement (bad TXT), or no usable address. */
    MALFORMED
}
