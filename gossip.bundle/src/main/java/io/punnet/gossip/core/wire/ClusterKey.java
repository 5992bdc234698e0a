package io.punnet.gossip.core.wire;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES key of the cluster (16 or 32 bytes) and its one-byte id. The id is the first byte of
 * SHA-256(key): a receiver uses it to pick the key to try without trying them all, and it reveals
 * nothing useful about the key. Two keys may share an id (1 in 256); {@link KeyRing} then tries
 * both.
 *
 * <p>{@link #toString()} prints the id only, never key material.
 */
public final class ClusterKey {

    private final SecretKey secretKey;
    private final int id;

    /** A key from its raw bytes (16 or 32 of them). */
    public ClusterKey(byte[] raw) {
        if (raw.length != 16 && raw.length != 32) {
            throw new IllegalArgumentException(
                    "a cluster key must be 16 or 32 bytes (AES-128 or AES-256), not " + raw.length);
        }
        this.secretKey = new SecretKeySpec(raw, "AES");
        this.id = sha256(raw)[0] & 0xff;
    }

    /** A key from its base64 form, as {@code punnet.cluster.key} holds it. */
    public static ClusterKey fromBase64(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a cluster key is not valid base64", e);
        }
        try {
            return new ClusterKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The key id, 0 to 255. */
    public int id() {
        return id;
    }

    /** The key for {@code javax.crypto}. */
    public SecretKey secretKey() {
        return secretKey;
    }

    /** Keys are equal when their bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ClusterKey key
                && MessageDigest.isEqual(secretKey.getEncoded(), key.secretKey.getEncoded());
    }

    @Override
    public int hashCode() {
        return id;
    }

    @Override
    public String toString() {
        return "ClusterKey[id=" + id + "]";
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java 17 runtime has SHA-256", e);
        }
    }
}
