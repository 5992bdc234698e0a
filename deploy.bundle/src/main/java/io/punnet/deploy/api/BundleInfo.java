package io.punnet.deploy.api;

import java.util.Objects;

/**
 * One bundle as a node runs it.
 *
 * @param symbolicName its symbolic name
 * @param version      its version
 * @param state        {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING} or
 *                     {@code STOPPING}
 * @param digest       the first {@value #DIGEST_PREFIX_LENGTH} hex digits of its jar's SHA-256
 *                     (enough to tell revisions apart, short enough to gossip), or empty when the
 *                     jar cannot be read
 */
public record BundleInfo(String symbolicName, String version, String state, String digest) {

    /** Hex digits of the SHA-256 kept in {@link #digest()}. */
    public static final int DIGEST_PREFIX_LENGTH = 16;

    public BundleInfo {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        digest = digest == null ? "" : digest;
    }
}
