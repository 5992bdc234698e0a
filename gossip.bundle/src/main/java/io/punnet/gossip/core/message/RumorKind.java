package io.punnet.gossip.core.message;

/**
 * What a {@link Rumor} announces. ONLY APPEND TO THIS LIST: the codes are part of the protocol.
 */
public enum RumorKind {
    /** A new member, or a new generation of a known one (a restart): the subject is its state. */
    JOINED(1),
    /** A member is alive after all (a revival, or a node refuting a verdict on itself). */
    ALIVE(2),
    /** A member changed application state: the subject holds the new values. */
    STATE(3),
    /** A member leaves gracefully. */
    LEFT(4),
    /** A member was convicted: the subject holds the last heartbeat the convicting node knew. */
    DEAD(5);

    private final int code;

    RumorKind(int code) {
        this.code = code;
    }

    /** The byte written on the wire. */
    public int code() {
        return code;
    }

    /** The kind of a wire code. @throws IllegalArgumentException for an unknown code */
    public static RumorKind fromCode(int code) {
        for (RumorKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown rumor kind " + code);
    }
}
