package io.punnet.metadata.core;

import io.punnet.metadata.api.InvalidNameException;
import io.punnet.metadata.api.MetadataStore;

/**
 * The naming rules of services and tags (stated for users in {@link MetadataStore}).
 *
 * <p>Services: {@code [a-z0-9][a-z0-9_.-]{0,62}}. Tags: {@code [a-z0-9][a-z0-9_.:-]{0,31}}; the
 * colon lets tags carry a key ({@code zone:kitchen}). Neither may contain {@code , ; =} or spaces,
 * which keeps the gossip form a plain separated list, and neither is folded to lower case: a
 * refused name says exactly which character is wrong.
 */
public final class NameRules {

    private static final String SERVICE_EXTRA = "_.-";
    private static final String TAG_EXTRA = "_.-:";

    private NameRules() {
    }

    /** Returns {@code name} if it is a valid service name. */
    public static String service(String name) {
        return check(name, MetadataStore.MAX_SERVICE_LENGTH, SERVICE_EXTRA);
    }

    /** Returns {@code tag} if it is a valid tag. */
    public static String tag(String tag) {
        return check(tag, MetadataStore.MAX_TAG_LENGTH, TAG_EXTRA);
    }

    /** True if {@code name} is a valid service name. */
    public static boolean isService(String name) {
        return problem(name, MetadataStore.MAX_SERVICE_LENGTH, SERVICE_EXTRA) == null;
    }

    /** True if {@code tag} is a valid tag. */
    public static boolean isTag(String tag) {
        return problem(tag, MetadataStore.MAX_TAG_LENGTH, TAG_EXTRA) == null;
    }

    private static String check(String name, int maxLength, String extra) {
        String problem = problem(name, maxLength, extra);
        if (problem != null) {
            throw new InvalidNameException(name, problem);
        }
        return name;
    }

    private static String problem(String name, int maxLength, String extra) {
        if (name == null || name.isEmpty()) {
            return "a name is required";
        }
        if (name.length() > maxLength) {
            return "longer than " + maxLength + " characters";
        }
        if (!isLowerAlphanumeric(name.charAt(0))) {
            return "must start with a lower-case letter or a digit";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerAlphanumeric(c) && extra.indexOf(c) < 0) {
                return "character " + describe(c) + " at position " + (i + 1)
                        + " is not allowed (use a-z, 0-9 and " + String.join(" ", extra.split("")) + ")";
            }
        }
        return null;
    }

    private static boolean isLowerAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String describe(char c) {
        return c >= 0x21 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
