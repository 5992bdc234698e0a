package io.punnet.gossip.core.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EnvelopeTest {

    static final ClusterKey KEY = new ClusterKey(Hex.bytes("000102030405060708090a0b0c0d0e0f"));
    static final byte[] NONCE = Hex.bytes("a0a1a2a3a4a5a6a7a8a9aaab");
    static final byte[] MESSAGE = "hello, punnet".getBytes(StandardCharsets.UTF_8);

    /**
     * Computed independently of this code, with Python's {@code cryptography} package:
     * {@code AESGCM(key).encrypt(nonce, b"hello, punnet", b"PN\x01\xbe" + b"punnet")}, prefixed with
     * the header and the nonce. 0xbe is the first byte of SHA-256(00 01 … 0f).
     */
    static final String GOLDEN = "504e01be" + "a0a1a2a3a4a5a6a7a8a9aaab"
            + "c2e354d711a5137aff16db6532" + "b70ef262a41d9c8c20701f3913f17cf8";

    private final Envelope envelope = new Envelope(new KeyRing(List.of(KEY)), "punnet", new FixedNonces(NONCE), 1400);

    @Test
    void theKeyIdIsTheFirstByteOfTheKeysSha256() {
        assertEquals(0xbe, KEY.id());
    }

    @Test
    void aFixedKeyNonceAndMessageSealToTheGoldenBytes() {
        assertEquals(GOLDEN, Hex.of(envelope.seal(MESSAGE)));
    }

    @Test
    void theGoldenBytesOpenToTheMessage() {
        Opened.Ok ok = assertInstanceOf(Opened.Ok.class, envelope.open(Hex.bytes(GOLDEN)));
        assertArrayEquals(MESSAGE, ok.plaintext());
        assertEquals(1, ok.version());
    }

    @Test
    void aPacketInsideALargerBufferOpens() {
        byte[] packet = Hex.bytes(GOLDEN);
        byte[] buffer = new byte[packet.length + 7];
        System.arraycopy(packet, 0, buffer, 3, packet.length);
        Opened.Ok ok = assertInstanceOf(Opened.Ok.class, envelope.open(buffer, 3, packet.length));
        assertArrayEquals(MESSAGE, ok.plaintext());
    }

    @Test
    void theOverheadIsThirtyTwoBytes() {
        assertEquals(MESSAGE.length + 32, envelope.seal(MESSAGE).length);
        assertEquals(1400 - 32, envelope.maxMessageBytes());
    }

    @Test
    void anEmptyMessageSealsAndOpens() {
        Opened.Ok ok = assertInstanceOf(Opened.Ok.class, envelope.open(envelope.seal(new byte[0])));
        assertEquals(0, ok.plaintext().length);
    }

    @Test
    void aMessageTooBigForThePacketIsRefusedWhenSealing() {
        assertThrows(IllegalArgumentException.class, () -> envelope.seal(new byte[1400 - 31]));
        assertEquals(1400, envelope.seal(new byte[1400 - 32]).length);
    }

    @Test
    void eachEarlyCheckHasItsReason() {
        byte[] golden = Hex.bytes(GOLDEN);
        assertDropped(DropReason.TOO_SHORT, envelope.open(java.util.Arrays.copyOf(golden, 31)));
        assertDropped(DropReason.TOO_BIG, envelope.open(new byte[1401]));
        assertDropped(DropReason.BAD_MAGIC, envelope.open(with(golden, 0, 'X')));
        assertDropped(DropReason.BAD_MAGIC, envelope.open(with(golden, 1, 'X')));
        assertDropped(DropReason.UNKNOWN_VERSION, envelope.open(with(golden, 2, 0)));
        assertDropped(DropReason.UNKNOWN_VERSION, envelope.open(with(golden, 2, 2)));
        assertDropped(DropReason.UNKNOWN_KEY, envelope.open(with(golden, 3, 0xbf)));
    }

    @Test
    void anotherClusterNameFailsTheTag() {
        Envelope other = new Envelope(new KeyRing(List.of(KEY)), "punnet2", new FixedNonces(NONCE), 1400);
        assertDropped(DropReason.AUTH, other.open(Hex.bytes(GOLDEN)));
    }

    @Test
    void anotherKeyWithTheSameIdFailsTheTag() {
        ClusterKey impostor = keyWithId(KEY.id(), KEY);
        Envelope other = new Envelope(new KeyRing(List.of(impostor)), "punnet", new FixedNonces(NONCE), 1400);
        assertDropped(DropReason.AUTH, other.open(Hex.bytes(GOLDEN)));
    }

    @Test
    void aRingAcceptsEveryKeyAndSendsWithTheFirst() {
        ClusterKey next = keyWithId(7, null);
        Envelope rotating = new Envelope(new KeyRing(List.of(next, KEY)), "punnet", new SplittableRandom(1), 1400);
        assertInstanceOf(Opened.Ok.class, rotating.open(Hex.bytes(GOLDEN)));
        byte[] sealed = rotating.seal(MESSAGE);
        assertEquals(7, sealed[3] & 0xff);
        assertDropped(DropReason.UNKNOWN_KEY, envelope.open(sealed));
    }

    @Test
    void keysThatShareAnIdAreBothTried() {
        ClusterKey twin = keyWithId(KEY.id(), KEY);
        Envelope both = new Envelope(new KeyRing(List.of(twin, KEY)), "punnet", new SplittableRandom(2), 1400);
        assertInstanceOf(Opened.Ok.class, both.open(Hex.bytes(GOLDEN)));
    }

    @Test
    void twoSealsOfOneMessageDifferInNonceAndCiphertext() {
        Envelope random = new Envelope(new KeyRing(List.of(KEY)), "punnet", new SplittableRandom(3), 1400);
        byte[] first = random.seal(MESSAGE);
        byte[] second = random.seal(MESSAGE);
        assertEquals(first.length, second.length);
        assertEquals(false, java.util.Arrays.equals(first, second));
    }

    /** A fresh 16-byte key with the given id, different from {@code not}: found by counting. */
    static ClusterKey keyWithId(int id, ClusterKey not) {
        for (int seed = 0; seed < 100_000; seed++) {
            byte[] raw = new byte[16];
            new SplittableRandom(seed).nextBytes(raw);
            ClusterKey candidate = new ClusterKey(raw);
            if (candidate.id() == id && !candidate.equals(not)) {
                return candidate;
            }
        }
        throw new AssertionError("no key with id " + id + " in 100,000 tries");
    }

    private static byte[] with(byte[] packet, int index, int value) {
        byte[] copy = packet.clone();
        copy[index] = (byte) value;
        return copy;
    }

    private static void assertDropped(DropReason expected, Opened opened) {
        assertEquals(new Opened.Dropped(expected), opened);
    }
}
