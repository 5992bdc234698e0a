package io.punnet.gossip.core.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends the primitive fields of the wire format to a growing byte array that never exceeds a fixed
 * capacity.
 *
 * <p>The primitives, all of them mirrored by {@link WireReader}:
 * <ul>
 * <li>unsigned varint (LEB128: 7 bits per byte, low bits first, the high bit says "more"), always in
 *     its shortest form, so that one value has exactly one encoding;</li>
 * <li>signed numbers as zig-zag varints (0, -1, 1, -2 … map to 0, 1, 2, 3 …), so that small negative
 *     numbers stay small;</li>
 * <li>strings as a varint byte length and UTF-8 bytes, with a maximum length per field (a lone
 *     surrogate, which is not Unicode text, is written as '?', as the JDK encodes it and as
 *     {@code MessageSize} counts it);</li>
 * <li>lists as a varint count (with a maximum) followed by the elements.</li>
 * </ul>
 *
 * <p>Writing more than a field allows, or more than the capacity, is a bug of the caller (the engine
 * validates what it sends): it throws {@link IllegalArgumentException} naming the limit.
 * Not thread-safe; one writer per message.
 */
public final class WireWriter {

    private final int capacity;
    private byte[] buffer;
    private int size;

    /** A writer that refuses to grow beyond {@code capacity} bytes. */
    public WireWriter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.buffer = new byte[Math.min(capacity, 256)];
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** One byte, 0 to 255. */
    public WireWriter writeByte(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("not a byte: " + value);
        }
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** A boolean as one byte, 0 or 1. */
    public WireWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** An unsigned varint; a negative value is taken as its unsigned 64-bit twin (ten bytes). */
    public WireWriter writeVarLong(long value) {
        ensure(varLongSize(value));
        long rest = value;
        while ((rest & ~0x7fL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
        return this;
    }

    /** A non-negative int as an unsigned varint. */
    public WireWriter writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value for an unsigned field: " + value);
        }
        return writeVarLong(value);
    }

    /** A signed number as a zig-zag varint. */
    public WireWriter writeZigZag(long value) {
        return writeVarLong((value << 1) ^ (value >> 63));
    }

    /** A list or map size, refused above {@code maxCount}. */
    public WireWriter writeCount(int count, int maxCount) {
        if (count < 0 || count > maxCount) {
            throw new IllegalArgumentException("count " + count + " is beyond the maximum of " + maxCount);
        }
        return writeVarInt(count);
    }

    /** A string as a length-prefixed UTF-8 sequence of at most {@code maxBytes} bytes. */
    public WireWriter writeString(String value, int maxBytes) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes) {
            throw new IllegalArgumentException(
                    "string of " + utf8.length + " UTF-8 bytes is beyond the maximum of " + maxBytes);
        }
        writeVarInt(utf8.length);
        return writeRaw(utf8);
    }

    /** Bytes as a varint length and the bytes, at most {@code maxBytes} of them. */
    public WireWriter writeBytes(byte[] value, int maxBytes) {
        if (value.length > maxBytes) {
            throw new IllegalArgumentException(
                    "field of " + value.length + " bytes is beyond the maximum of " + maxBytes);
        }
        writeVarInt(value.length);
        return writeRaw(value);
    }

    /** Bytes as they are, with no length (for fixed-size fields). */
    public WireWriter writeRaw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** How many bytes {@link #writeVarLong(long)} takes for {@code value}: 1 to 10. */
    public static int varLongSize(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return Math.max(1, (bits + 6) / 7);
    }

    private void ensure(int more) {
        int needed = size + more;
        if (needed > capacity) {
            throw new IllegalArgumentException(
                    "message would take " + needed + " bytes, beyond the limit of " + capacity);
        }
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(capacity, Math.max(needed, buffer.length * 2)));
        }
    }
}
