package io.punnet.rest.core;

import java.util.ArrayList;
import java.util.List;

/** Splits paths into segments: {@code /a/b/} → {@code [a, b, ""]}, so a trailing slash is a different path. */
final class Paths {

    private Paths() {
    }

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                segments.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return segments;
    }
}
