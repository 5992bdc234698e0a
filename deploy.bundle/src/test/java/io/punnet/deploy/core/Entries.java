package io.punnet.deploy.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Desired entries and keys for tests. */
final class Entries {

    static final byte[] KEY_A = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] KEY_B = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    static final String SHA = Digests.sha256Hex("hello".getBytes(StandardCharsets.UTF_8));
    static final String SHA2 = Digests.sha256Hex("world".getBytes(StandardCharsets.UTF_8));

    private Entries() {
    }

    static DesiredEntry entry(long version, String name, String bundleVersion, String sha) {
        return new DesiredEntry(version, version, name, bundleVersion, sha, Target.all(), "", false, false, "");
    }

    static DesiredEntry signed(long version, String name, String bundleVersion, String sha) {
        return new EntrySigner(List.of(KEY_A)).sign(entry(version, name, bundleVersion, sha));
    }
}
