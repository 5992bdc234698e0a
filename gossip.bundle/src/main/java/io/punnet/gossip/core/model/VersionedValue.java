package io.punnet.gossip.core.model;

import java.util.Objects;

/**
 * One application-state value and the version at which its owner set it. Versions count the
 * owner's state changes within one generation (1, 2, 3, ...): every set takes the next number, so
 * the highest version a node holds of a member says "I have every change up to here", which is what
 * a Scuttlebutt digest carries.
 *
 * @param value   the value, UTF-8 text
 * @param version positive, unique within the owner's generation
 */
public record VersionedValue(String value, long version) {

    public VersionedValue {
        Objects.requireNonNull(value, "value");
        if (version <= 0) {
            throw new IllegalArgumentException("version must be positive: " + version);
        }
    }
}
