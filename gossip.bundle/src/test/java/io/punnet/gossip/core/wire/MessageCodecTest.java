package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Syn;
import io.punnet.gossip.core.model.EndpointState;
import io.punnet.gossip.core.model.VersionedValue;
import io.punnet.gossip.core.wire.MalformedPacketException.Reason;

/** What the decoder refuses, each with its reason. */
class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec(64 * 1024);
    private final String state = Hex.of(codec.encode(new Ack2(List.of(MessageCodecGoldenTest.state()))));

    @Test
    void anUnknownMessageTypeIsABadTag() {
        assertReason(Reason.BAD_TAG, "7f");
        assertReason(Reason.BAD_TAG, "00");
    }

    @Test
    void anUnknownRumorKindIsABadTag() {
        assertReason(Reason.BAD_TAG, "04" + "06" + state.substring(4));
    }

    @Test
    void anEmptyPacketIsTruncated() {
        assertReason(Reason.TRUNCATED, "");
    }

    @Test
    void everyCutOfAValidMessageIsRefused() {
        for (int length = 0; length < state.length(); length += 2) {
            byte[] cut = Hex.bytes(state.substring(0, length));
            assertThrows(MalformedPacketException.class, () -> codec.decode(cut), "cut at " + length / 2);
        }
    }

    @Test
    void trailingBytesAreRefused() {
        assertReason(Reason.TRAILING_BYTES, state + "00");
    }

    @Test
    void aBooleanOtherThanZeroOrOneIsRefused() {
        assertReason(Reason.OUT_OF_RANGE, "01" + "00" + "02");
    }

    @Test
    void portZeroAndPortsAbove65535AreRefused() {
        String portField = "8a3e";
        assertReason(Reason.OUT_OF_RANGE, state.replace(portField, "00"));
        assertReason(Reason.OUT_OF_RANGE, state.replace(portField, "808004"));
    }

    @Test
    void generationZeroIsRefused() {
        assertReason(Reason.OUT_OF_RANGE, state.replace("80d095ffbc31", "00"));
    }

    @Test
    void keysOutOfOrderOrRepeatedAreRefused() {
        String tags = "04" + "74616773";
        String http = "04" + "68747470";
        assertReason(Reason.UNORDERED, state.replace(tags, http));
        String swapped = state.replace(tags, "04" + "zzzz").replace(http, tags).replace("04" + "zzzz", http);
        assertReason(Reason.UNORDERED, swapped);
    }

    @Test
    void aValueLargerThanTheApiAllowsIsRefused() {
        TreeMap<String, VersionedValue> values = new TreeMap<>();
        values.put("big", new VersionedValue("x".repeat(WireLimits.MAX_VALUE_BYTES + 1), 1));
        EndpointState big = new EndpointState("pi-1", MessageCodecGoldenTest.state().endpoint(),
                MessageCodecGoldenTest.state().heartbeat(), values);
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new Ack2(List.of(big))));
    }

    @Test
    void aMessageBeyondTheCodecLimitIsRefusedWhenEncoding() {
        MessageCodec small = new MessageCodec(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small.encode(new Syn(List.of(MessageCodecGoldenTest.digest()), false)));
        assertTrue(e.getMessage().contains("limit of 10"), e.getMessage());
    }

    @Test
    void aForgedHugeCountFailsBeforeAllocating() {
        assertReason(Reason.TOO_MANY, "01" + "ffffffff0f" + "00");
        assertReason(Reason.TRUNCATED, "01" + "e807" + "00");
    }

    private void assertReason(Reason expected, String hex) {
        MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> codec.decode(Hex.bytes(hex)));
        assertEquals(expected, e.reason(), e.getMessage());
    }
}
