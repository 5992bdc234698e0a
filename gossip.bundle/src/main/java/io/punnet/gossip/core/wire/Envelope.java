package io.punnet.gossip.core.wire;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals message bytes into authenticated, encrypted packets and opens them again. Layout:
 *
 * <pre>
 *  0      2        3        4              16                         n-16      n
 *  | 'P' 'N' | version | key id | nonce (12 bytes) | ciphertext of the message | GCM tag |
 *  '------------- header (4) ------'
 * </pre>
 *
 * <p>AES-GCM with a 128-bit tag; the associated data is the four header bytes followed by the
 * cluster name in UTF-8. So a packet of another cluster, from a node with another key, or with any
 * bit changed (the header included) fails the tag and is dropped. The header is only looked at to
 * pick a key; nothing of the message is parsed before the tag has verified.
 *
 * <p>Opening never throws for any input: it returns {@link Opened.Ok} or {@link Opened.Dropped} with a
 * {@link DropReason}. Replays authenticate (the envelope keeps no state); they are harmless because
 * everything gossip applies is versioned and merging is idempotent.
 *
 * <p>Nonces are 12 random bytes from the injected generator (a {@code SecureRandom} in production; a
 * seeded one in tests gives golden bytes). Thread-safe: every call uses its own {@link Cipher}.
 */
public final class Envelope {

    /** The two magic bytes, "PN". */
    public static final byte[] MAGIC = {'P', 'N'};
    /** The protocol version this node writes. */
    public static final int VERSION = ProtocolVersion.CURRENT;
    /** Magic, version and key id. */
    public static final int HEADER_BYTES = 4;
    /** The AES-GCM nonce. */
    public static final int NONCE_BYTES = 12;
    /** The AES-GCM authentication tag. */
    public static final int TAG_BYTES = 16;
    /** What the envelope adds to a message: 32 bytes. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyRing keys;
    private final byte[] clusterName;
    private final RandomGenerator random;
    private final int maxPacketBytes;

    /**
     * @param keys           the accepted keys; the first seals
     * @param clusterName    the cluster name, bound into every tag
     * @param random         the nonce source
     * @param maxPacketBytes the largest sealed packet, overhead included (e.g. 1,400 for a datagram)
     */
    public Envelope(KeyRing keys, String clusterName, RandomGenerator random, int maxPacketBytes) {
        if (maxPacketBytes <= OVERHEAD_BYTES) {
            throw new IllegalArgumentException("maxPacketBytes must exceed " + OVERHEAD_BYTES + ": " + maxPacketBytes);
        }
        this.keys = keys;
        this.clusterName = clusterName.getBytes(StandardCharsets.UTF_8);
        this.random = random;
        this.maxPacketBytes = maxPacketBytes;
    }

    /** The largest message that fits in one packet. */
    public int maxMessageBytes() {
        return maxPacketBytes - OVERHEAD_BYTES;
    }

    /** The largest sealed packet. */
    public int maxPacketBytes() {
        return maxPacketBytes;
    }

    /**
     * Seals {@code message} with the primary key and a fresh nonce.
     *
     * @throws IllegalArgumentException if the packet would exceed {@link #maxPacketBytes()}
     */
    public byte[] seal(byte[] message) {
        if (message.length > maxMessageBytes()) {
            throw new IllegalArgumentException(
                    "message of " + message.length + " bytes exceeds the limit of " + maxMessageBytes());
        }
        ClusterKey key = keys.primary();
        byte[] packet = new byte[OVERHEAD_BYTES + message.length];
        packet[0] = MAGIC[0];
        packet[1] = MAGIC[1];
        packet[2] = (byte) VERSION;
        packet[3] = (byte) key.id();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, packet, HEADER_BYTES, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData(packet));
            cipher.doFinal(message, 0, message.length, packet, HEADER_BYTES + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
        return packet;
    }

    /** Opens a whole packet. */
    public Opened open(byte[] packet) {
        return open(packet, 0, packet.length);
    }

    /** Opens {@code length} bytes of {@code buffer} from {@code offset}; never throws for bad input. */
    public Opened open(byte[] buffer, int offset, int length) {
        DropReason early = checkHeader(buffer, offset, length);
        if (early != null) {
            return new Opened.Dropped(early);
        }
        int version = buffer[offset + 2] & 0xff;
        byte[] nonce = Arrays.copyOfRange(buffer, offset + HEADER_BYTES, offset + HEADER_BYTES + NONCE_BYTES);
        byte[] associatedData = associatedData(Arrays.copyOfRange(buffer, offset, offset + HEADER_BYTES));
        int cipherOffset = offset + HEADER_BYTES + NONCE_BYTES;
        int cipherLength = length - HEADER_BYTES - NONCE_BYTES;
        for (ClusterKey key : keys.withId(buffer[offset + 3] & 0xff)) {
            byte[] plaintext = decrypt(key, nonce, associatedData, buffer, cipherOffset, cipherLength);
            if (plaintext != null) {
                return new Opened.Ok(plaintext, version);
            }
        }
        return new Opened.Dropped(DropReason.AUTH);
    }

    private DropReason checkHeader(byte[] buffer, int offset, int length) {
        if (length < OVERHEAD_BYTES) {
            return DropReason.TOO_SHORT;
        }
        if (length > maxPacketBytes) {
            return DropReason.TOO_BIG;
        }
        if (buffer[offset] != MAGIC[0] || buffer[offset + 1] != MAGIC[1]) {
            return DropReason.BAD_MAGIC;
        }
        if (!ProtocolVersion.isSupported(buffer[offset + 2] & 0xff)) {
            return DropReason.UNKNOWN_VERSION;
        }
        if (keys.withId(buffer[offset + 3] & 0xff).isEmpty()) {
            return DropReason.UNKNOWN_KEY;
        }
        return null;
    }

    /** The plaintext, or null when the tag does not verify under this key. */
    private static byte[] decrypt(ClusterKey key, byte[] nonce, byte[] associatedData, byte[] buffer,
            int offset, int length) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData);
            return cipher.doFinal(buffer, offset, length);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The header bytes followed by the cluster name. */
    private byte[] associatedData(byte[] headerPrefix) {
        byte[] data = new byte[HEADER_BYTES + clusterName.length];
        System.arraycopy(headerPrefix, 0, data, 0, HEADER_BYTES);
        System.arraycopy(clusterName, 0, data, HEADER_BYTES, clusterName.length);
        return data;
    }

    private static Cipher cipher(int mode, ClusterKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BYTES * 8, nonce));
        return cipher;
    }
}
