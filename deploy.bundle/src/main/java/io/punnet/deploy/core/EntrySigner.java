package io.punnet.deploy.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies desired-state entries with HMAC-SHA256.
 *
 * <p>The signing key is not the cluster key itself but one derived from it for this one purpose
 * ({@code HMAC-SHA256(clusterKey, "punnet/deploy/desired-state/v1")}, the expand step of HKDF with
 * a label), so that a signature can never be confused with anything gossip encrypts. As with the
 * cluster key ring, the first key signs and every key verifies, so keys can be rotated without a
 * flag day. The tag is truncated to 128 bits (22 base64url characters) to keep entries small; that
 * is the strength NIST allows for HMAC-SHA256 tags used as authenticators.
 */
public final class EntrySigner {

    /** The label of the derived key. */
    static final String LABEL = "punnet/deploy/desired-state/v1";

    private static final int TAG_BYTES = 16;

    private final List<byte[]> keys;

    /** @param clusterKeys the raw cluster keys, the signing one first; at least one */
    public EntrySigner(List<byte[]> clusterKeys) {
        if (clusterKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one cluster key is needed to sign");
        }
        List<byte[]> derived = new ArrayList<>();
        for (byte[] key : clusterKeys) {
            derived.add(hmac(key, LABEL.getBytes(StandardCharsets.UTF_8)));
        }
        this.keys = List.copyOf(derived);
    }

    /** The entry with its signature (any signature it had is replaced). */
    public DesiredEntry sign(DesiredEntry entry) {
        return entry.signedWith(tag(keys.get(0), entry));
    }

    /** Whether the entry carries a signature made with one of the keys. */
    public boolean verify(DesiredEntry entry) {
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(entry.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (presented.length != TAG_BYTES) {
            return false;
        }
        for (byte[] key : keys) {
            byte[] expected = Base64.getUrlDecoder().decode(tag(key, entry));
            if (MessageDigest.isEqual(expected, presented)) {
                return true;
            }
        }
        return false;
    }

    private static String tag(byte[] key, DesiredEntry entry) {
        byte[] mac = hmac(key, DesiredStateCodec.signedText(entry).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, TAG_BYTES));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
