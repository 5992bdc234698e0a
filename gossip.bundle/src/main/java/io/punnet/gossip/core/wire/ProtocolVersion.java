package io.punnet.gossip.core.wire;

/**
 * The versions of the Punnet gossip protocol. The envelope carries the version its sender wrote; a
 * receiver drops versions it does not speak ({@link DropReason#UNKNOWN_VERSION}).
 *
 * <p>History (ONLY APPEND):
 * <ul>
 * <li>1 — the first protocol: the envelope of {@link Envelope}; the messages SYN, ACK, ACK2, RUMOR,
 *     PUSH_PULL_REQUEST and PUSH_PULL_RESPONSE of {@link io.punnet.gossip.core.message.MessageType}
 *     in the layout of {@link MessageCodec}.</li>
 * </ul>
 */
public final class ProtocolVersion {

    /** The version this node writes. */
    public static final int CURRENT = 1;

    /** The oldest version this node still reads. */
    public static final int OLDEST_READ = 1;

    private ProtocolVersion() {
    }

    /** Whether this node reads packets of {@code version}. */
    public static boolean isSupported(int version) {
        return version >= OLDEST_READ && version <= CURRENT;
    }
}
