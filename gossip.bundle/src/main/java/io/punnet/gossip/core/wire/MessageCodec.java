package io.punnet.gossip.core.wire;

import io.punnet.gossip.core.message.Ack;
import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.CompactAck;
import io.punnet.gossip.core.message.CompactSyn;
import io.punnet.gossip.core.message.DigestPull;
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
 * COMPACT_SYN         viewHash:8 bytes  viewSize:varint  offset:varint  count:varint  entry:4 bytes * count
 * COMPACT_ACK         viewHash:8 bytes  count:varint  (gap:varint entry:4 bytes) * count  states(deltas)
 * DIGEST_PULL         digests
 * </pre>
 *
 * A compact entry is the low 16 bits of a heartbeat, then of a state version, each big-endian; a
 * COMPACT_ACK position is the previous one plus 1 plus the gap (the first: the gap).
 *
 * The bytes are plaintext: the {@link Envelope} seals them. {@link #encode} writes exactly
 * {@link MessageSize#of} bytes, so the engine budgets datagrams without encoding twice.
 * {@link #decode} reads one whole message and throws only {@link MalformedPacketException}.
 * Stateless and thread-safe.
 */
public final class MessageCodec {

    /** The largest view a compact message may name (positions and sizes beyond are malformed). */
    static final int MAX_VIEW = 1 << 20;

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
        } else if (message instanceof CompactSyn syn) {
            writeCompactSyn(out, syn);
        } else if (message instanceof CompactAck ack) {
            writeCompactAck(out, ack);
        } else if (message instanceof DigestPull pull) {
            ModelCodec.writeDigests(out, pull.digests());
        } else {
            ModelCodec.writeStates(out, ((PushPullResponse) message).states());
        }
        return out.toByteArray();
    }

    private static void writeCompactSyn(WireWriter out, CompactSyn syn) {
        writeLong(out, syn.viewHash());
        out.writeVarInt(syn.viewSize());
        out.writeVarInt(syn.offset());
        out.writeCount(syn.count(), WireLimits.MAX_MEMBERS);
        for (int i = 0; i < syn.count(); i++) {
            writeEntry(out, syn.entry(i));
        }
    }

    private static void writeCompactAck(WireWriter out, CompactAck ack) {
        writeLong(out, ack.viewHash());
        out.writeCount(ack.count(), WireLimits.MAX_MEMBERS);
        int previous = -1;
        for (int i = 0; i < ack.count(); i++) {
            out.writeVarInt(ack.position(i) - previous - 1);
            previous = ack.position(i);
            writeEntry(out, ack.entry(i));
        }
        ModelCodec.writeStates(out, ack.deltas());
    }

    private static CompactSyn readCompactSyn(WireReader in) {
        long hash = readLong(in);
        int size = in.readVarInt(MAX_VIEW);
        int offset = in.readVarInt(MAX_VIEW);
        int count = in.readCount(WireLimits.MAX_MEMBERS);
        int[] entries = new int[count];
        for (int i = 0; i < count; i++) {
            entries[i] = readEntry(in);
        }
        return new CompactSyn(hash, size, offset, entries);
    }

    private static CompactAck readCompactAck(WireReader in) {
        long hash = readLong(in);
        int count = in.readCount(WireLimits.MAX_MEMBERS);
        int[] positions = new int[count];
        int[] entries = new int[count];
        long previous = -1;
        for (int i = 0; i < count; i++) {
            long position = previous + 1 + in.readVarInt(MAX_VIEW);
            if (position > MAX_VIEW) {
                throw new MalformedPacketException(Reason.OUT_OF_RANGE, "view position " + position);
            }
            positions[i] = (int) position;
            previous = position;
            entries[i] = readEntry(in);
        }
        return new CompactAck(hash, positions, entries, ModelCodec.readStates(in));
    }

    private static void writeLong(WireWriter out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.writeByte((int) (value >>> shift) & 0xFF);
        }
    }

    private static long readLong(WireReader in) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | in.readByte();
        }
        return value;
    }

    private static void writeEntry(WireWriter out, int entry) {
        out.writeByte(entry >>> 24);
        out.writeByte(entry >>> 16 & 0xFF);
        out.writeByte(entry >>> 8 & 0xFF);
        out.writeByte(entry & 0xFF);
    }

    private static int readEntry(WireReader in) {
        return in.readByte() << 24 | in.readByte() << 16 | in.readByte() << 8 | in.readByte();
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
            case COMPACT_SYN -> readCompactSyn(in);
            case COMPACT_ACK -> readCompactAck(in);
            case DIGEST_PULL -> new DigestPull(ModelCodec.readDigests(in));
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
