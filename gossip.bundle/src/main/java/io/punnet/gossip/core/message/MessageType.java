package io.punnet.gossip.core.message;

/**
 * The message ids on the wire. ONLY APPEND TO THIS LIST: the codes are part of the protocol, and a
 * node must keep understanding the ids older versions send.
 *
 * <p>Protocol version 1: SYN, ACK, ACK2, RUMOR, PUSH_PULL_REQUEST, PUSH_PULL_RESPONSE. Protocol 2
 * (announced by a node in its {@code gossip.protocol} value; the envelope is unchanged): COMPACT_SYN,
 * COMPACT_ACK, DIGEST_PULL, sent only to members that announce it.
 */
public enum MessageType {
    SYN(1), ACK(2), ACK2(3), RUMOR(4), PUSH_PULL_REQUEST(5), PUSH_PULL_RESPONSE(6),
    COMPACT_SYN(7), COMPACT_ACK(8), DIGEST_PULL(9);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The byte written on the wire. */
    public int code() {
        return code;
    }

    /** The type of a wire code. @throws IllegalArgumentException for an unknown code */
    public static MessageType fromCode(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown message type " + code);
    }
}
