package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.punnet.gossip.core.wire.MalformedPacketException.Reason;

class WirePrimitivesTest {

    @ParameterizedTest
    @CsvSource({
        "0, 00",
        "1, 01",
        "127, 7f",
        "128, 8001",
        "300, ac02",
        "16384, 808001",
        "9223372036854775807, ffffffffffffffff7f",
        "-1, ffffffffffffffffff01",
    })
    void varintsHaveTheirLeb128Bytes(long value, String hex) {
        byte[] written = new WireWriter(16).writeVarLong(value).toByteArray();
        assertEquals(hex, Hex.of(written));
        assertEquals(written.length, WireWriter.varLongSize(value));
        assertEquals(value, new WireReader(written).readVarLong());
    }

    @ParameterizedTest
    @CsvSource({"0, 00", "-1, 01", "1, 02", "-2, 03", "63, 7e", "-64, 7f", "64, 8001"})
    void zigZagKeepsSmallNegativesSmall(long value, String hex) {
        byte[] written = new WireWriter(16).writeZigZag(value).toByteArray();
        assertEquals(hex, Hex.of(written));
        assertEquals(value, new WireReader(written).readZigZag());
    }

    @Test
    void stringsAreLengthPrefixedUtf8() {
        byte[] written = new WireWriter(32).writeString("pi-é", 8).toByteArray();
        assertEquals("05" + "70692dc3a9", Hex.of(written));
        assertEquals("pi-é", new WireReader(written).readString(8));
    }

    @Test
    void anOverlongVarintIsRefused() {
        assertReason(Reason.BAD_VARINT, () -> new WireReader(Hex.bytes("8000")).readVarLong());
    }

    @Test
    void aVarintBeyond64BitsIsRefused() {
        assertReason(Reason.BAD_VARINT, () -> new WireReader(Hex.bytes("ffffffffffffffffff02")).readVarLong());
        assertReason(Reason.BAD_VARINT, () -> new WireReader(Hex.bytes("ffffffffffffffffff8101")).readVarLong());
    }

    @Test
    void aCutVarintIsTruncated() {
        assertReason(Reason.TRUNCATED, () -> new WireReader(Hex.bytes("ff")).readVarLong());
        assertReason(Reason.TRUNCATED, () -> new WireReader(new byte[0]).readByte());
    }

    @Test
    void aStringLongerThanItsFieldIsRefused() {
        byte[] written = new WireWriter(32).writeString("abcdef", 6).toByteArray();
        assertReason(Reason.TOO_LONG, () -> new WireReader(written).readString(5));
        assertThrows(IllegalArgumentException.class, () -> new WireWriter(32).writeString("abcdef", 5));
    }

    @Test
    void aStringCutShortIsTruncated() {
        assertReason(Reason.TRUNCATED, () -> new WireReader(Hex.bytes("056162")).readString(10));
    }

    @Test
    void malformedUtf8IsRefused() {
        assertReason(Reason.BAD_UTF8, () -> new WireReader(Hex.bytes("02c328")).readString(10));
        assertReason(Reason.BAD_UTF8, () -> new WireReader(Hex.bytes("03eda080")).readString(10));
    }

    @Test
    void aLoneSurrogateIsWrittenAsAQuestionMarkAsTheEngineCountsIt() {
        byte[] written = new WireWriter(32).writeString("a\ud800", 10).toByteArray();
        assertEquals("02613f", Hex.of(written));
        assertEquals(written.length, io.punnet.gossip.core.message.MessageSize.string("a\ud800"));
    }

    @Test
    void aCountBeyondItsMaximumIsRefused() {
        assertReason(Reason.TOO_MANY, () -> new WireReader(Hex.bytes("0b" + "00".repeat(11))).readCount(10));
    }

    @Test
    void aCountBeyondTheRemainingBytesIsTruncatedBeforeAnyAllocation() {
        assertReason(Reason.TRUNCATED, () -> new WireReader(Hex.bytes("e807" + "0000")).readCount(100_000));
    }

    @Test
    void trailingBytesAreAnError() {
        WireReader reader = new WireReader(Hex.bytes("0102"));
        reader.readByte();
        assertReason(Reason.TRAILING_BYTES, reader::expectEnd);
    }

    @Test
    void aBooleanIsZeroOrOne() {
        assertTrue(new WireReader(Hex.bytes("01")).readBoolean());
        assertFalse(new WireReader(Hex.bytes("00")).readBoolean());
        assertReason(Reason.OUT_OF_RANGE, () -> new WireReader(Hex.bytes("02")).readBoolean());
    }

    @Test
    void aBoundedIntRefusesLargerValues() {
        assertEquals(7, new WireReader(Hex.bytes("07")).readVarInt(7));
        assertReason(Reason.OUT_OF_RANGE, () -> new WireReader(Hex.bytes("08")).readVarInt(7));
        assertReason(Reason.OUT_OF_RANGE,
                () -> new WireReader(Hex.bytes("ffffffffffffffffff01")).readNonNegativeLong());
    }

    @Test
    void theWriterRefusesToGrowBeyondItsCapacity() {
        WireWriter writer = new WireWriter(3).writeByte(1).writeByte(2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> writer.writeString("ab", 10));
        assertTrue(e.getMessage().contains("limit of 3"), e.getMessage());
    }

    @Test
    void aReaderReadsOnlyItsSlice() {
        byte[] buffer = Hex.bytes("ff0203ff");
        WireReader reader = new WireReader(buffer, 1, 2);
        assertEquals(2, reader.readByte());
        assertEquals(3, reader.readByte());
        assertReason(Reason.TRUNCATED, reader::readByte);
    }

    private static void assertReason(Reason expected, Runnable read) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, read::run);
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
