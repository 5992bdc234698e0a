package io.punnet.gossip.core;

import java.util.Map;
import java.util.regex.Pattern;

import io.punnet.gossip.api.Cluster;
import io.punnet.gossip.core.message.MessageSize;
import io.punnet.gossip.core.model.VersionedValue;

/**
 * The bounds {@link Cluster} declares for application state, checked before a value is published.
 * Each violation is an {@link IllegalArgumentException} whose message names the problem.
 */
final class StateBounds {

    /** Keys with this prefix belong to the engine. */
    static final String RESERVED_PREFIX = "gossip.";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private StateBounds() {
    }

    /** Checks a key and value given by a user of the API. */
    static void checkUserEntry(String key, String value) {
        checkKey(key);
        if (key.startsWith(RESERVED_PREFIX)) {
            throw new IllegalArgumentException("key '" + key + "' is reserved: keys starting with '"
                    + RESERVED_PREFIX + "' belong to the gossip engine");
        }
        checkValue(key, value);
    }

    static void checkKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("key is null");
        }
        if (key.length() > Cluster.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key is " + key.length() + " characters long, more than "
                    + Cluster.MAX_KEY_LENGTH);
        }
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key '" + key + "' does not match [a-z0-9][a-z0-9._-]*");
        }
    }

    static void checkValue(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("value of '" + key + "' is null");
        }
        int bytes = MessageSize.utf8Length(value);
        if (bytes > Cluster.MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("value of '" + key + "' is " + bytes + " UTF-8 bytes, more than "
                    + Cluster.MAX_VALUE_BYTES);
        }
    }

    /** Checks that replacing {@code key} by {@code value} keeps the whole state within bounds. */
    static void checkTotal(Map<String, VersionedValue> state, String key, String value) {
        long total = 0;
        for (Map.Entry<String, VersionedValue> e : state.entrySet()) {
            if (!e.getKey().equals(key)) {
                total += MessageSize.utf8Length(e.getKey()) + MessageSize.utf8Length(e.getValue().value());
            }
        }
        total += MessageSize.utf8Length(key) + MessageSize.utf8Length(value);
        if (total > Cluster.MAX_STATE_BYTES) {
            throw new IllegalArgumentException("application state would grow to " + total + " UTF-8 bytes, more than "
                    + Cluster.MAX_STATE_BYTES);
        }
    }
}
