package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The laws of the wire primitives: what is written reads back, and junk only ever fails cleanly. */
class WirePropertiesTest {

    @Property
    void varLongsRoundTrip(@ForAll long value) {
        byte[] bytes = new WireWriter(10).writeVarLong(value).toByteArray();
        WireReader reader = new WireReader(bytes);
        assertEquals(value, reader.readVarLong());
        reader.expectEnd();
    }

    @Property
    void zigZagsRoundTrip(@ForAll long value) {
        byte[] bytes = new WireWriter(10).writeZigZag(value).toByteArray();
        assertEquals(value, new WireReader(bytes).readZigZag());
    }

    @Property
    void stringsRoundTrip(@ForAll @StringLength(max = 40) String value) {
        // jqwik strings may hold lone surrogates, which are not Unicode text: they come back as '?' 
        if (!isWellFormed(value)) {
            return;
        }
        byte[] bytes = new WireWriter(200).writeString(value, 160).toByteArray();
        WireReader reader = new WireReader(bytes);
        assertEquals(value, reader.readString(160));
        reader.expectEnd();
    }

    /** Any string, lone surrogates included, takes exactly the bytes the engine budgets for it. */
    @Property
    void stringsTakeTheBytesTheEngineCounts(@ForAll @StringLength(max = 40) String value) {
        byte[] bytes = new WireWriter(200).writeString(value, 160).toByteArray();
        assertEquals(io.punnet.gossip.core.message.MessageSize.string(value), bytes.length);
    }

    /** Every byte string that reads as a varint is the one encoding of that value. */
    @Property
    void varintEncodingIsCanonical(@ForAll @Size(max = 11) byte[] bytes) {
        try {
            WireReader reader = new WireReader(bytes);
            long value = reader.readVarLong();
            int used = bytes.length - reader.remaining();
            byte[] again = new WireWriter(10).writeVarLong(value).toByteArray();
            assertArrayEquals(java.util.Arrays.copyOf(bytes, used), again);
        } catch (MalformedPacketException expected) {
            // junk is refused, which is fine
        }
    }

    /** Arbitrary bytes read as any sequence of fields fail with MalformedPacketException or nothing. */
    @Property
    void junkFailsOnlyAsMalformed(@ForAll @Size(max = 64) byte[] bytes, @ForAll @Size(max = 8) byte[] script) {
        WireReader reader = new WireReader(bytes);
        try {
            for (byte step : script) {
                readOne(reader, step & 0x7);
            }
            reader.expectEnd();
        } catch (MalformedPacketException expected) {
            // the one failure that junk may produce
        }
    }

    private static void readOne(WireReader reader, int kind) {
        switch (kind) {
            case 0 -> reader.readByte();
            case 1 -> reader.readBoolean();
            case 2 -> reader.readVarLong();
            case 3 -> reader.readZigZag();
            case 4 -> reader.readString(32);
            case 5 -> reader.readBytes(32);
            case 6 -> reader.readCount(16);
            default -> reader.readVarInt(1000);
        }
    }

    private static boolean isWellFormed(String value) {
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            if (Character.isHighSurrogate(c)) {
                if (index + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(index + 1))) {
                    return false;
                }
                index++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
