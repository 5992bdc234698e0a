package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile input against the envelope: whatever arrives, {@link Envelope#open} returns a verdict and
 * never throws, and nothing but the untouched packet under the right key and cluster name opens.
 */
class EnvelopeFuzzTest {

    private static final ClusterKey KEY = EnvelopeTest.KEY;
    private final Envelope envelope = new Envelope(new KeyRing(List.of(KEY)), "punnet", new SplittableRandom(42), 1400);

    @Property
    void everyMessageRoundTrips(@ForAll @Size(max = 1368) byte[] message) {
        Opened.Ok ok = assertInstanceOf(Opened.Ok.class, envelope.open(envelope.seal(message)));
        assertArrayEquals(message, ok.plaintext());
    }

    @Property
    void everyTruncationIsDropped(@ForAll @Size(max = 200) byte[] message, @ForAll @IntRange(min = 1, max = 232) int cut) {
        byte[] packet = envelope.seal(message);
        int length = Math.max(0, packet.length - cut);
        assertInstanceOf(Opened.Dropped.class, envelope.open(Arrays.copyOf(packet, length)));
    }

    @Property
    void everyBitFlipIsDropped(@ForAll @Size(max = 200) byte[] message, @ForAll @IntRange(min = 0, max = 100_000) int position) {
        byte[] packet = envelope.seal(message);
        int bit = position % (packet.length * 8);
        packet[bit / 8] ^= (byte) (1 << (bit % 8));
        assertInstanceOf(Opened.Dropped.class, envelope.open(packet));
    }

    @Property
    void randomBytesAreDropped(@ForAll @Size(max = 1500) byte[] junk) {
        assertInstanceOf(Opened.Dropped.class, envelope.open(junk));
    }

    /** Junk that passes every header check still has to beat the tag. */
    @Property
    void randomBytesBehindAValidHeaderFailTheTag(@ForAll @Size(min = 28, max = 1396) byte[] junk) {
        byte[] packet = new byte[4 + junk.length];
        packet[0] = 'P';
        packet[1] = 'N';
        packet[2] = 1;
        packet[3] = (byte) KEY.id();
        System.arraycopy(junk, 0, packet, 4, junk.length);
        assertEquals(new Opened.Dropped(DropReason.AUTH), envelope.open(packet));
    }

    @Property(tries = 200)
    void aReplayOpensToTheSameMessage(@ForAll @Size(max = 200) byte[] message) {
        byte[] packet = envelope.seal(message);
        Opened first = envelope.open(packet);
        Opened second = envelope.open(packet);
        assertArrayEquals(((Opened.Ok) first).plaintext(), assertInstanceOf(Opened.Ok.class, second).plaintext());
    }

    @Property(tries = 200)
    void anotherKeyOrClusterNameIsDropped(@ForAll @Size(max = 200) byte[] message, @ForAll long seed) {
        byte[] raw = new byte[32];
        new SplittableRandom(seed).nextBytes(raw);
        ClusterKey other = new ClusterKey(raw);
        Envelope wrongKey = new Envelope(new KeyRing(List.of(other)), "punnet", new SplittableRandom(seed), 1400);
        Envelope wrongName = new Envelope(new KeyRing(List.of(KEY)), "punnet-" + seed, new SplittableRandom(seed), 1400);
        byte[] packet = envelope.seal(message);
        assertInstanceOf(Opened.Dropped.class, wrongKey.open(packet));
        assertEquals(new Opened.Dropped(DropReason.AUTH), wrongName.open(packet));
        assertInstanceOf(Opened.Dropped.class, envelope.open(wrongKey.seal(message)));
    }
}
