package io.punnet.deploy.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which jars a node holds in its store, gossiped under {@value #KEY} as comma-separated 16-digit
 * digest prefixes, newest first (about 60 fit). A fetching node asks the holders of the prefix for
 * the full digest and verifies it, so a prefix collision costs one wasted fetch, never a wrong jar.
 */
public final class HeldArtifacts {

    /** The application-state key. */
    public static final String KEY = "deploy.have";

    public String encode(List<String> sha256sNewestFirst) {
        StringBuilder out = new StringBuilder();
        for (String sha : sha256sNewestFirst) {
            if (!Digests.isSha256Hex(sha)) {
                continue;
            }
            if (out.length() + Digests.PREFIX_LENGTH + 1 > DesiredStateCodec.MAX_BYTES) {
                break;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(Digests.prefix(sha));
        }
        return out.toString();
    }

    public Set<String> decode(String value) {
        if (value == null || value.isEmpty() || value.length() > 4 * DesiredStateCodec.MAX_BYTES) {
            return Set.of();
        }
        List<String> prefixes = new ArrayList<>();
        for (String p : value.split(",")) {
            if (Digests.isPrefix(p)) {
                prefixes.add(p);
            }
        }
        return Set.copyOf(new LinkedHashSet<>(prefixes));
    }
}
