package io.punnet.rest.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A query string ({@code target=tag%3Arack-2&canary}) as names and decoded values, checked against
 * the names a route knows: an unknown name, a repeated one or a bad escape is a clear error
 * ({@link IllegalArgumentException}, which the routes answer 400), so a typo such as
 * {@code canery} is never silently ignored. A name without {@code =} has the empty value.
 */
public final class Query {

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code raw} (percent-encoded, {@code +} for space), allowing only {@code known} names. */
    public static Query parse(String raw, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return new Query(values);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown query parameter '" + name + "'; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
            if (values.put(name, value) != null) {
                throw new IllegalArgumentException("query parameter '" + name + "' is given twice");
            }
        }
        return new Query(values);
    }

    /** The value, or {@code fallback} when the name is absent. */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * A flag: absent is false; present with no value, {@code true} or {@code 1} is true;
     * {@code false} or {@code 0} is false; anything else is an error.
     */
    public boolean flag(String name) {
        String value = values.get(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "", "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("query parameter '" + name
                    + "' is a flag: true, false, 1, 0 or no value, not '" + value + "'");
        };
    }

    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("a '%' escape is cut short in the query");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad '%' escape in the query: " + text.substring(i, i + 3));
                }
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '%') {
                    end++;
                }
                out.writeBytes(text.substring(i, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
