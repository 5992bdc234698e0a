package io.punnet.deploy.core;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member's tags, read from the meta-data it gossips under {@value #KEY}
 * ({@code 1;s=<services>;t=<tag>,<tag>}, the metadata bundle's format version 1), for
 * {@code tag:} targets. Another format version or a damaged value gives no tags: such a member is
 * not targeted by tag, which errs on the side of touching fewer nodes.
 */
public final class MemberTags {

    /** The application-state key of the metadata bundle. */
    public static final String KEY = "meta";

    private MemberTags() {
    }

    public static Set<String> of(String metaValue) {
        if (metaValue == null || metaValue.length() > 4 * DesiredStateCodec.MAX_BYTES) {
            return Set.of();
        }
        String[] tokens = metaValue.split(";", -1);
        if (!"1".equals(tokens[0])) {
            return Set.of();
        }
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].startsWith("t=")) {
                return Arrays.stream(tokens[i].substring(2).split(",")).filter(t -> !t.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
            }
        }
        return Set.of();
    }
}
