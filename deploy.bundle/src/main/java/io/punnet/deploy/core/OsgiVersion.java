package io.punnet.deploy.core;

import java.util.Objects;

/**
 * A bundle version, compared as OSGi compares them: major, minor, micro numerically, then the
 * qualifier as a string ({@code 1.0.0 < 1.0.0.SNAPSHOT < 1.0.1}). Pure: the framework's own
 * {@code Version} class is not allowed in core.
 *
 * @param major     the major number
 * @param minor     the minor number
 * @param micro     the micro number
 * @param qualifier the qualifier, empty for none
 */
public record OsgiVersion(int major, int minor, int micro, String qualifier) implements Comparable<OsgiVersion> {

    /** The version a bundle without a Bundle-Version header has. */
    public static final OsgiVersion EMPTY = new OsgiVersion(0, 0, 0, "");

    public OsgiVersion {
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /**
     * Parses {@code major[.minor[.micro[.qualifier]]]}; null or blank is {@link #EMPTY}.
     *
     * @throws IllegalArgumentException with a message naming the problem
     */
    public static OsgiVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] parts = text.trim().split("\\.", 4);
        int major = number(parts[0], text);
        int minor = parts.length > 1 ? number(parts[1], text) : 0;
        int micro = parts.length > 2 ? number(parts[2], text) : 0;
        String qualifier = parts.length > 3 ? parts[3] : "";
        for (int i = 0; i < qualifier.length(); i++) {
            char c = qualifier.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-')) {
                throw new IllegalArgumentException("'" + text + "' is not a bundle version: bad qualifier");
            }
        }
        return new OsgiVersion(major, minor, micro, qualifier);
    }

    private static int number(String part, String text) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a bundle version: '" + part + "' is not a number");
        }
        return Integer.parseInt(part);
    }

    @Override
    public int compareTo(OsgiVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(micro, other.micro);
        }
        return c != 0 ? c : qualifier.compareTo(other.qualifier);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro + (qualifier.isEmpty() ? "" : "." + qualifier);
    }
}
