package io.punnet.gossip.core.wire;

import io.punnet.gossip.core.message.Message;

/**
 * The whole way between a {@link Message} and the bytes on the wire: encode then seal, open then
 * decode. A transport needs nothing else; one instance per channel kind, since the size limit
 * differs (a datagram must stay under the MTU budget, a stream frame under its cap).
 *
 * <p>{@link #read} never throws for any input. Thread-safe.
 */
public final class PacketCodec {

    private final Envelope envelope;
    private final MessageCodec codec;

    public PacketCodec(Envelope envelope) {
        this.envelope = envelope;
        this.codec = new MessageCodec(envelope.maxMessageBytes());
    }

    /**
     * The sealed packet of {@code message}.
     *
     * @throws IllegalArgumentException if it does not fit this codec's packet size
     */
    public byte[] write(Message message) {
        return envelope.seal(codec.encode(message));
    }

    /** The sealed size {@code message} would have, without sealing it. */
    public static int sealedSize(Message message) {
        return MessageCodec.encodedSize(message) + Envelope.OVERHEAD_BYTES;
    }

    /** The largest sealed packet this codec writes or accepts. */
    public int maxPacketBytes() {
        return envelope.maxPacketBytes();
    }

    /** The message in {@code length} bytes of {@code buffer} from {@code offset}, or a drop. */
    public Received read(byte[] buffer, int offset, int length) {
        Opened opened = envelope.open(buffer, offset, length);
        if (opened instanceof Opened.Dropped dropped) {
            return new Received.Dropped(dropped.reason(), "");
        }
        try {
            return new Received.Ok(codec.decode(((Opened.Ok) opened).plaintext()), length);
        } catch (MalformedPacketException e) {
            return new Received.Dropped(DropReason.MALFORMED, e.getMessage());
        }
    }
}
