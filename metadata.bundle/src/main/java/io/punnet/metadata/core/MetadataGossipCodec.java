package io.punnet.metadata.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.punnet.metadata.api.Metadata;

/**
 * The compact form of a node's meta-data that it gossips under the application-state key
 * {@value #KEY}:
 *
 * <pre>
 * 1;s=load_balancer,nginx_webserver;t=rack-2,zone:kitchen
 * </pre>
 *
 * <p>The format version, then {@code s=} (services) and {@code t=} (tags), comma-separated and
 * sorted; an empty list is left out, so a node with nothing is {@code "1"}. Names cannot contain
 * {@code , ; =} (see {@link NameRules}), so no escaping is needed.
 *
 * <p>Size: at most 10 services of 63 characters and 10 tags of 32 give
 * {@code "1;s="} 4 + 10 × 63 + 9 commas + {@code ";t="} 3 + 10 × 32 + 9 commas = 975 bytes, within
 * the 1024-byte gossip value (a test checks the worst case).
 *
 * <p>Decoding never throws: another version, or a damaged header, gives empty (unknown); names
 * that break the rules are dropped, the others kept; tags it does not know are ignored, so version
 * 1 may gain tags.
 */
public final class MetadataGossipCodec {

    /** The application-state key. */
    public static final String KEY = "meta";

    /** The format version written. */
    public static final int VERSION = 1;

    private static final int MAX_LENGTH = 4096;

    public String encode(Metadata m) {
        StringBuilder out = new StringBuilder(64).append(VERSION);
        list(out, "s", m.services());
        list(out, "t", m.tags());
        return out.toString();
    }

    public Optional<Metadata> decode(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] tokens = value.split(";", -1);
        if (!String.valueOf(VERSION).equals(tokens[0])) {
            return Optional.empty();
        }
        List<String> services = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("s=")) {
                names(token.substring(2), NameRules::isService, services);
            } else if (token.startsWith("t=")) {
                names(token.substring(2), NameRules::isTag, tags);
            }
        }
        return Optional.of(new Metadata(services, tags));
    }

    private static void list(StringBuilder out, String tag, List<String> names) {
        if (!names.isEmpty()) {
            out.append(';').append(tag).append('=').append(String.join(",", names));
        }
    }

    private static void names(String list, Predicate<String> valid, List<String> into) {
        for (String name : list.split(",", -1)) {
            if (valid.test(name)) {
                into.add(name);
            }
        }
    }
}
