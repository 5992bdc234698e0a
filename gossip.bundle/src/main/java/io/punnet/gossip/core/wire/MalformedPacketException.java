package io.punnet.gossip.core.wire;

/**
 * An authenticated packet whose plaintext does not decode: it is shorter than it claims, a length
 * or count is beyond its limit, a tag is unknown, bytes are left over. The only exception the
 * decoding side of the wire throws; the transport catches it, drops the packet and counts it as
 * {@link DropReason#MALFORMED}.
 *
 * <p>It carries no stack trace: a peer (or a bug in a peer) can make us throw many of them, and the
 * reason plus the message say everything a stack would.
 */
public final class MalformedPacketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a packet did not decode. */
    public enum Reason {
        /** Fewer bytes remain than the next field needs. */
        TRUNCATED,
        /** A string or byte field is longer than its maximum. */
        TOO_LONG,
        /** A list holds more elements than its maximum. */
        TOO_MANY,
        /** A message id or enum tag that this version does not know. */
        BAD_TAG,
        /** A varint longer than ten bytes, overflowing 64 bits, or not in its shortest form. */
        BAD_VARINT,
        /** A string that is not well-formed UTF-8. */
        BAD_UTF8,
        /** A number outside the range its field allows. */
        OUT_OF_RANGE,
        /** Map keys or list names not in strictly ascending order (duplicates included). */
        UNORDERED,
        /** Bytes remain after the message ended. */
        TRAILING_BYTES
    }

    private final Reason reason;

    public MalformedPacketException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why the packet did not decode. */
    public Reason reason() {
        return reason;
    }
}
