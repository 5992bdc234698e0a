package io.punnet.deploy.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gossiped form of the desired state, under the application-state key {@value #KEY}:
 *
 * <pre>
 * 1|m3k9x2ab;m3k9x2ab;io.example.hello;1.2.0;&lt;sha-256, 43 base64url&gt;;all;;f;&lt;tag, 22 base64url&gt;|…
 * </pre>
 *
 * <p>The format version, then one entry per symbolic name separated by {@code |}; the fields of an
 * entry are separated by {@code ;}: version and rollout id (base 36), symbolic name, bundle version,
 * digest, target, canary node (empty after promotion), flags ({@code f} force, {@code g} gossip
 * allowed), signature. No field can hold {@code |} or {@code ;} (names, versions and targets are
 * checked), so nothing is escaped. An entry with a short name and target takes about 150 bytes; when
 * the entries do not all fit in {@link #MAX_BYTES}, the oldest are left out (a test checks the bound).
 *
 * <p>Decoding never throws: a value of another format version gives no entries, a malformed entry is
 * skipped and counted in {@link Decoded#malformed()}.
 */
public final class DesiredStateCodec {

    /** The application-state key. */
    public static final String KEY = "deploy.desired";

    /** The format version written. */
    public static final String VERSION = "1";

    /** The largest encoded value: the gossip limit for one value. */
    public static final int MAX_BYTES = 1024;

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final HexFormat HEX = HexFormat.of();

    /** The entries of a decoded value, and how many were malformed. */
    public record Decoded(List<DesiredEntry> entries, int malformed) {
    }

    /** Whether a symbolic name can be gossiped (the characters bundles use in practice). */
    public static boolean isGossipableName(String symbolicName) {
        return symbolicName != null && SYMBOLIC_NAME.matcher(symbolicName).matches();
    }

    /**
     * Encodes the latest entry of each symbolic name, newest first, leaving out the oldest ones that
     * do not fit in {@link #MAX_BYTES}.
     */
    public String encode(List<DesiredEntry> entries) {
        StringBuilder out = new StringBuilder(VERSION);
        for (DesiredEntry entry : latestPerName(entries)) {
            String text = signedText(entry) + ";" + entry.signature();
            if (out.length() + 1 + text.length() > MAX_BYTES) {
                continue;
            }
            out.append('|').append(text);
        }
        return out.toString();
    }

    /** The latest entry (highest version) of each symbolic name, newest first. */
    public static List<DesiredEntry> latestPerName(List<DesiredEntry> entries) {
        Map<String, DesiredEntry> latest = new LinkedHashMap<>();
        for (DesiredEntry entry : entries) {
            latest.merge(entry.symbolicName(), entry, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<DesiredEntry> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparingLong(DesiredEntry::version).reversed());
        return sorted;
    }

    /** Decodes a gossiped value; null or another format version gives nothing. */
    public Decoded decode(String value) {
        if (value == null || value.length() > 4 * MAX_BYTES) {
            return new Decoded(List.of(), value == null ? 0 : 1);
        }
        String[] parts = value.split("\\|", -1);
        if (!VERSION.equals(parts[0])) {
            return new Decoded(List.of(), 0);
        }
        List<DesiredEntry> entries = new ArrayList<>();
        int malformed = 0;
        for (int i = 1; i < parts.length; i++) {
            DesiredEntry entry = entry(parts[i]);
            if (entry == null) {
                malformed++;
            } else {
                entries.add(entry);
            }
        }
        return new Decoded(List.copyOf(entries), malformed);
    }

    /** The text the signature covers: every field but the signature, as encoded. */
    static String signedText(DesiredEntry e) {
        String flags = (e.force() ? "f" : "") + (e.allowGossip() ? "g" : "");
        String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(HEX.parseHex(e.sha256()));
        return Long.toString(e.version(), 36) + ";" + Long.toString(e.rolloutId(), 36) + ";" + e.symbolicName() + ";"
                + e.bundleVersion() + ";" + digest + ";" + e.target() + ";" + e.canaryNode() + ";" + flags;
    }

    private static DesiredEntry entry(String text) {
        String[] f = text.split(";", -1);
        if (f.length != 9 || text.getBytes(StandardCharsets.UTF_8).length != text.length()) {
            return null;
        }
        try {
            long version = Long.parseLong(f[0], 36);
            long rolloutId = Long.parseLong(f[1], 36);
            if (version <= 0 || rolloutId <= 0 || rolloutId > version || !isGossipableName(f[2])) {
                return null;
            }
            OsgiVersion.parse(f[3]);
            byte[] digest = Base64.getUrlDecoder().decode(f[4]);
            if (digest.length != 32 || !f[7].matches("f?g?")) {
                return null;
            }
            Target target = Target.parse(f[5]);
            if (!f[6].isEmpty()) {
                Target.parse("node:" + f[6]);
            }
            return new DesiredEntry(version, rolloutId, f[2], f[3], HEX.formatHex(digest), target, f[6],
                    f[7].contains("f"), f[7].contains("g"), f[8]);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
