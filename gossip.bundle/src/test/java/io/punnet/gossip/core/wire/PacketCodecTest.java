package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import io.punnet.gossip.core.message.Ack2;
import io.punnet.gossip.core.message.Message;
import io.punnet.gossip.core.message.Syn;

/** The whole way from a message to a datagram and back, and what it does with hostile bytes. */
class PacketCodecTest {

    private final PacketCodec codec = codec("punnet", EnvelopeTest.KEY);

    static PacketCodec codec(String cluster, ClusterKey key) {
        return new PacketCodec(new Envelope(new KeyRing(List.of(key)), cluster, new SplittableRandom(5), 1400));
    }

    private static Message message() {
        return new Ack2(List.of(MessageCodecGoldenTest.state()));
    }

    @Test
    void aMessageComesBackWithItsSealedSize() {
        byte[] packet = codec.write(message());
        assertEquals(PacketCodec.sealedSize(message()), packet.length);
        assertEquals(new Received.Ok(message(), packet.length), codec.read(packet, 0, packet.length));
    }

    @Test
    void aMessageTooBigForADatagramIsRefusedWhenWriting() {
        Syn big = new Syn(java.util.Collections.nCopies(200, MessageCodecGoldenTest.digest()), false);
        assertThrows(IllegalArgumentException.class, () -> codec.write(big));
    }

    @Test
    void anAuthenticPacketThatDoesNotDecodeIsMalformed() {
        Envelope envelope = new Envelope(new KeyRing(List.of(EnvelopeTest.KEY)), "punnet", new SplittableRandom(5), 1400);
        byte[] packet = envelope.seal(Hex.bytes("7f00"));
        Received.Dropped dropped = assertInstanceOf(Received.Dropped.class, codec.read(packet, 0, packet.length));
        assertEquals(DropReason.MALFORMED, dropped.reason());
        assertEquals("BAD_TAG: message type 127", dropped.detail());
    }

    @Property(tries = 500)
    void aFlippedBitIsADropNeverAnException(@ForAll @IntRange(min = 0, max = 1 << 20) int position) {
        byte[] packet = codec.write(message());
        int bit = position % (packet.length * 8);
        packet[bit / 8] ^= (byte) (1 << (bit % 8));
        assertInstanceOf(Received.Dropped.class, codec.read(packet, 0, packet.length));
    }

    @Property(tries = 500)
    void randomBytesAreADropNeverAnException(@ForAll @Size(max = 1500) byte[] junk) {
        assertInstanceOf(Received.Dropped.class, codec.read(junk, 0, junk.length));
    }

    @Property(tries = 200)
    void anotherClusterIsADrop(@ForAll @IntRange(min = 0, max = 1_000_000) int suffix) {
        byte[] packet = codec("punnet-" + suffix, EnvelopeTest.KEY).write(message());
        assertEquals(new Received.Dropped(DropReason.AUTH, ""), codec.read(packet, 0, packet.length));
    }
}
