package io.punnet.gossip.core.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.punnet.gossip.core.wire.MalformedPacketException.Reason;

/**
 * Reads the primitives that {@link WireWriter} writes, trusting nothing: every read checks that the
 * bytes are there, every length and count against its maximum and against the bytes that remain
 * (so a forged count cannot make us allocate), every varint for overflow and shortest form, every
 * string for well-formed UTF-8. Any violation throws {@link MalformedPacketException}, and nothing
 * else is thrown for any input.
 *
 * <p>Not thread-safe; one reader per packet. Call {@link #expectEnd()} when the message is read, so
 * that trailing bytes are an error rather than silently ignored.
 */
public final class WireReader {

    private final byte[] buffer;
    private final int end;
    private int position;

    /** A reader over the whole array. */
    public WireReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    /** A reader over {@code length} bytes of {@code buffer} from {@code offset}. */
    public WireReader(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + buffer.length);
        }
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return end - position;
    }

    /** One byte as 0 to 255. */
    public int readByte() {
        need(1, "a byte");
        return buffer[position++] & 0xff;
    }

    /** A boolean: exactly 0 or 1. */
    public boolean readBoolean() {
        int value = readByte();
        if (value > 1) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE, "boolean byte " + value);
        }
        return value == 1;
    }

    /** An unsigned varint (up to 64 bits, shortest form only). */
    public long readVarLong() {
        long value = 0;
        for (int index = 0; index < 10; index++) {
            need(1, "a varint byte");
            int b = buffer[position++] & 0xff;
            if (index == 9 && b > 1) {
                throw new MalformedPacketException(Reason.BAD_VARINT, "varint overflows 64 bits");
            }
            value |= (long) (b & 0x7f) << (7 * index);
            if ((b & 0x80) == 0) {
                if (b == 0 && index > 0) {
                    throw new MalformedPacketException(Reason.BAD_VARINT, "varint not in its shortest form");
                }
                return value;
            }
        }
        throw new MalformedPacketException(Reason.BAD_VARINT, "varint longer than 10 bytes");
    }

    /** An unsigned varint that must lie within {@code 0..max}. */
    public int readVarInt(int max) {
        long value = readVarLong();
        if (value < 0 || value > max) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE,
                    "value " + Long.toUnsignedString(value) + " beyond " + max);
        }
        return (int) value;
    }

    /** An unsigned varint that must not be negative as a signed long (counters, versions). */
    public long readNonNegativeLong() {
        long value = readVarLong();
        if (value < 0) {
            throw new MalformedPacketException(Reason.OUT_OF_RANGE,
                    "value " + Long.toUnsignedString(value) + " is beyond Long.MAX_VALUE");
        }
        return value;
    }

    /** A zig-zag varint. */
    public long readZigZag() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    /**
     * A list or map size of at most {@code maxCount}; also at most the bytes that remain, since
     * every element takes at least one byte.
     */
    public int readCount(int maxCount) {
        long count = readVarLong();
        if (count < 0 || count > maxCount) {
            throw new MalformedPacketException(Reason.TOO_MANY,
                    "count " + Long.toUnsignedString(count) + " beyond the maximum of " + maxCount);
        }
        if (count > remaining()) {
            throw new MalformedPacketException(Reason.TRUNCATED,
                    "count " + count + " but only " + remaining() + " bytes remain");
        }
        return (int) count;
    }

    /** A length-prefixed, well-formed UTF-8 string of at most {@code maxBytes} bytes. */
    public String readString(int maxBytes) {
        int length = readLength(maxBytes);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, position, length))
                    .toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new MalformedPacketException(Reason.BAD_UTF8, "string of " + length + " bytes");
        }
    }

    /** A length-prefixed byte field of at most {@code maxBytes} bytes. */
    public byte[] readBytes(int maxBytes) {
        int length = readLength(maxBytes);
        return readRaw(length);
    }

    /** Exactly {@code length} bytes, with no length prefix. */
    public byte[] readRaw(int length) {
        need(length, length + " bytes");
        byte[] value = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return value;
    }

    /** Fails unless every byte has been read. */
    public void expectEnd() {
        if (position != end) {
            throw new MalformedPacketException(Reason.TRAILING_BYTES, remaining() + " bytes after the message");
        }
    }

    private int readLength(int maxBytes) {
        long length = readVarLong();
        if (length < 0 || length > maxBytes) {
            throw new MalformedPacketException(Reason.TOO_LONG,
                    "length " + Long.toUnsignedString(length) + " beyond the maximum of " + maxBytes);
        }
        need((int) length, "a field of " + length + " bytes");
        return (int) length;
    }

    private void need(int bytes, String what) {
        if (bytes > end - position) {
            throw new MalformedPacketException(Reason.TRUNCATED,
                    "needed " + what + " but only " + (end - position) + " bytes remain");
        }
    }
}
