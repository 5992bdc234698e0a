package io.punnet.rest.core;

/**
 * Cheap checks of the names that arrive in paths, before anything looks them up, so that an
 * absurd name is a clear 400 instead of a lookup, and is never echoed back at length. The
 * meta-data store applies the full rules to names it stores.
 */
public final class Names {

    /** Longest node name accepted in a path. */
    public static final int MAX_NODE_NAME = 64;
    /** Longest service or tag accepted in a path (the store's own caps are lower). */
    public static final int MAX_SERVICE_NAME = 63;

    /** Longest rollout id accepted in a path (the deploy bundle's ids are far shorter). */
    public static final int MAX_ROLLOUT_ID = 64;

    private Names() {
    }

    /** Why a node name in a path is refused, or null when it may be looked up. */
    public static String nodeProblem(String name) {
        if (name.length() > MAX_NODE_NAME) {
            return "a node name has at most " + MAX_NODE_NAME + " characters";
        }
        return printable(name) ? null : "a node name has printable characters only";
    }

    /** Why a service name in a path is refused, or null when it may be looked up. */
    public static String serviceProblem(String name) {
        if (name.length() > MAX_SERVICE_NAME) {
            return "a service name has at most " + MAX_SERVICE_NAME + " characters";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '_' || c == '.' || c == '-');
            if (!ok) {
                return "a service name is made of a-z 0-9 _ . - and starts with a letter or digit";
            }
        }
        return null;
    }

    /** Whether a path segment may be a rollout id: letters, digits, '-' and '_', not too long. */
    public static boolean isRolloutId(String id) {
        if (id.isEmpty() || id.length() > MAX_ROLLOUT_ID) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean printable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '/' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
