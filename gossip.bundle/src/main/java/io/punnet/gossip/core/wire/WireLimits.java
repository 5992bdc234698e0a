package io.punnet.gossip.core.wire;

import io.punnet.gossip.api.Cluster;

/**
 * The largest field a decoder accepts. They bound what one authenticated but buggy or hostile peer
 * can make this node allocate, and they are generous: an engine never sends more (the API refuses
 * larger keys and values before they reach the wire).
 */
public final class WireLimits {

    /** A node name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;
    /** A host address literal (an IPv6 literal with a zone is about 50). */
    public static final int MAX_HOST_BYTES = 255;
    /** An application-state key: the API's key length, and keys are ASCII. */
    public static final int MAX_KEY_BYTES = Cluster.MAX_KEY_LENGTH;
    /** An application-state value. */
    public static final int MAX_VALUE_BYTES = Cluster.MAX_VALUE_BYTES;
    /** Values of one member: its whole state of 16 KiB holds at most this many entries of 4 bytes. */
    public static final int MAX_VALUES_PER_STATE = Cluster.MAX_STATE_BYTES / 4;
    /** Digests or states in one message: members of one cluster. */
    public static final int MAX_MEMBERS = 4096;

    private WireLimits() {
    }
}
