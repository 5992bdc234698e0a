package io.punnet.gossip.core.wire;

import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.message.MessageType;
import io.punnet.gossip.core.message.PushPullRequest;
import io.punnet.gossip.core.message.PushPullResponse;
import io.punnet.gossip.core.message.Rumor;
import io.punnet.gossip.core.message.RumorKind;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.wire.MalformedPacketException.Reason;

/**
 * Every {@link Message} to bytes and back. A message is its type byte ({@link MessageType#code()})
 * followed by its fields (see {@link ModelCodec} for digests and states):
 *
 * <pre>
 * SYN                 digests  partial:bool
 * ACK                 digests(requests)  states(deltas)
 * ACK2                states(deltas)
 * RUMOR               kind:byte  state(subject)  baseStateVersion:varint
 * PUSH_PULL_REQUEST   states  join:bool
 * PUSH_PULL_RESPONSE  states
 * </pre>
 *
 * The bytes are plaintext: the {@link Envelope} seals them. {@link #encode} writes exactly
 * {@link MessageSize#of} bytes, so the engine budgets datagrams without encoding twice.
 * {@link #decode} reads one whole message and throws only {@link MalformedPacketException}.
 * Stateless and thread-safe.
 */
public final class MessageCodec {

    private final int maxMessageBytes;

    /** A codec that refuses to encode messages larger than {@code maxMessageBytes}. */
    public MessageCodec(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** The encoded size of {@code message}, without encoding it. */
    public static int encodedSize(Message message) {
        return MessageSize.of(message);
    }

    /**
     * The bytes of {@code message}.
     *
     * @throws IllegalArgumentException if it is larger than this codec's limit, or a field exceeds
     *         its {@link WireLimits limit}
     */
    public byte[] encode(Message message) {
        WireWriter out = new WireWriter(maxMessageBytes);
        out.writeByte(message.type().code());
        if (message instanceof Syn syn) {
            ModelCodec.writeDigests(out, syn.digests());
            out.writeBoolean(syn.partial());
        } else if (message instanceof Ack ack) {
            ModelCodec.writeDigests(out, ack.requests());
            ModelCodec.writeStates(out, ack.deltas());
        } else if (message instanceof Ack2 ack2) {
            ModelCodec.writeStates(out, ack2.deltas());
        } else if (message instanceof Rumor rumor) {
            out.writeByte(rumor.kind().code());
            ModelCodec.writeState(out, rumor.subject());
            out.writeVarLong(rumor.baseStateVersion());
        } else if (message instanceof PushPullRequest request) {
            ModelCodec.writeStates(out, request.states());
            out.writeBoolean(request.join());
        } else {
            ModelCodec.writeStates(out, ((PushPullResponse) message).states());
        }
        return out.toByteArray();
    }

    /** The message in {@code bytes}, which must hold exactly one. */
    public Message decode(byte[] bytes) {
        WireReader in = new WireReader(bytes);
        Message message;
        try {
            message = decodeBody(in, type(in.readByte()));
        } catch (IllegalArgumentException e) {
            // a record refused a value this codec let through: still only a malformed packet
            throw new MalformedPacketException(Reason.OUT_OF_RANGE, String.valueOf(e.getMessage()));
        }
        in.expectEnd();
        return message;
    }

    private static Message decodeBody(WireReader in, MessageType type) {
        return switch (type) {
            case SYN -> new Syn(ModelCodec.readDigests(in), in.readBoolean());
            case ACK -> new Ack(ModelCodec.readDigests(in), ModelCodec.readStates(in));
            case ACK2 -> new Ack2(ModelCodec.readStates(in));
            case RUMOR -> new Rumor(kind(in.readByte()), ModelCodec.readState(in), in.readNonNegativeLong());
            case PUSH_PULL_REQUEST -> new PushPullRequest(ModelCodec.readStates(in), in.readBoolean());
            case PUSH_PULL_RESPONSE -> new PushPullResponse(ModelCodec.readStates(in));
        };
    }

    private static MessageType type(int code) {
        for (MessageType type : MessageType.values()) {
            if (type.code() == code) {
                return type;
            }
        }
        throw new MalformedPacketException(Reason.BAD_TAG, "message type " + code);
    }

    private static RumorKind kind(int code) {
        for (RumorKind kind : RumorKind.values()) {
            if (kind.code() == code) {
                return kind;
            }
        }
        throw new MalformedPacketException(Reason.BAD_TAG, "rumor kind " + code);
    }
}
