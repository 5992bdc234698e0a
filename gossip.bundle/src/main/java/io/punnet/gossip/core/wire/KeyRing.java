package io.punnet.gossip.core.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster keys this node accepts, the first of which it sends with. Immutable.
 *
 * <p>Rotating the key of a running cluster without a partition takes three rolling steps, each
 * finished on every node before the next starts:
 * <ol>
 * <li>append the new key ({@code old,new}): everyone still sends with the old key and accepts both;</li>
 * <li>swap them ({@code new,old}): everyone sends with the new key and still accepts the old one;</li>
 * <li>drop the old key ({@code new}).</li>
 * </ol>
 * Random 96-bit nonces keep AES-GCM safe for about 2<sup>32</sup> packets per key (NIST SP 800-38D):
 * years for a small cluster, but a reason to rotate now and then.
 */
public final class KeyRing {

    private final List<ClusterKey> keys;

    /** A ring of one or more distinct keys; the first is used to send. */
    public KeyRing(List<ClusterKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        if (keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("a key ring must not hold the same key twice");
        }
        this.keys = List.copyOf(keys);
    }

    /**
     * A ring from {@code punnet.cluster.key}: comma-separated base64 keys of 16 or 32 bytes.
     *
     * @throws IllegalArgumentException naming the position of the first bad key
     */
    public static KeyRing parse(String commaSeparatedBase64) {
        List<ClusterKey> parsed = new ArrayList<>();
        String[] parts = commaSeparatedBase64.split(",", -1);
        for (int index = 0; index < parts.length; index++) {
            try {
                parsed.add(ClusterKey.fromBase64(parts[index]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "cluster key " + (index + 1) + " of " + parts.length + ": " + e.getMessage(), e);
            }
        }
        return new KeyRing(parsed);
    }

    /** The key this node sends with. */
    public ClusterKey primary() {
        return keys.get(0);
    }

    /** Every accepted key, the primary first. */
    public List<ClusterKey> keys() {
        return keys;
    }

    /** The accepted keys that carry {@code id} (usually zero or one). */
    public List<ClusterKey> withId(int id) {
        List<ClusterKey> matching = new ArrayList<>(1);
        for (ClusterKey key : keys) {
            if (key.id() == id) {
                matching.add(key);
            }
        }
        return matching;
    }

    @Override
    public String toString() {
        return "KeyRing" + keys;
    }
}
