package io.punnet.monitoring.core;

import java.util.ArrayList;
import java.util.List;

import io.punnet.monitoring.api.NodeMetrics;

/**
 * The compact text form of {@link NodeMetrics} that a node gossips under the application-state key
 * {@value #KEY}. Example (a 4-core node; the fields are explained below):
 *
 * <pre>
 * 1;c=12.5;l=0.41,0.3,0.2;n=4;m=8254377984,3212345344,5042032640;s=0,0;d=31000000000,12000000000;u=123456;h=12345678,268435456;j=42;a=1732490000000
 * </pre>
 *
 * <p>The first token is the format version ({@value #VERSION}); then {@code tag=value} tokens
 * separated by {@code ;}. A group tag holds several fields, in a fixed order, separated by
 * {@code ,}; an unknown field is an empty slot ({@code m=8254377984,,5042032640}), and a tag whose
 * fields are all unknown is left out.
 *
 * <table>
 * <caption>Tags of version 1</caption>
 * <tr><th>tag</th><th>fields</th><th>unit, precision</th></tr>
 * <tr><td>c</td><td>cpuPercent</td><td>%, 1 decimal</td></tr>
 * <tr><td>l</td><td>load1, load5, load15</td><td>2 decimals</td></tr>
 * <tr><td>n</td><td>cpuCount</td><td>count</td></tr>
 * <tr><td>m</td><td>memTotal, memUsed, memAvailable</td><td>bytes</td></tr>
 * <tr><td>s</td><td>swapTotal, swapUsed</td><td>bytes</td></tr>
 * <tr><td>t</td><td>temperatureCelsius</td><td>°C, 1 decimal</td></tr>
 * <tr><td>d</td><td>diskTotal, diskFree</td><td>bytes</td></tr>
 * <tr><td>u</td><td>uptimeSeconds</td><td>s</td></tr>
 * <tr><td>h</td><td>jvmHeapUsed, jvmHeapMax</td><td>bytes</td></tr>
 * <tr><td>j</td><td>jvmThreads</td><td>count</td></tr>
 * <tr><td>a</td><td>sampledAtMillis</td><td>ms since the epoch</td></tr>
 * </table>
 *
 * <p>Compatibility: a reader ignores tags it does not know, so version 1 may gain tags; changing the
 * meaning of a tag needs version 2. Decoding never throws: a value of a newer version, or with a
 * damaged header, decodes to all-unknown; a damaged tag makes only its own fields unknown.
 */
public final class MetricsCodec {

    /** The application-state key. */
    public static final String KEY = "mon";

    /** The format version written. */
    public static final int VERSION = 1;

    /** Values longer than this are not looked at (the gossip limit is 1024 bytes). */
    static final int MAX_LENGTH = 2048;

    private static final char FIELD = ';';
    private static final char SLOT = ',';

    /** The gossip form of {@code metrics}. */
    public String encode(NodeMetrics m) {
        StringBuilder out = new StringBuilder(256).append(VERSION);
        tag(out, "c", decimal(m.cpuPercent(), 1));
        tag(out, "l", decimal(m.load1(), 2), decimal(m.load5(), 2), decimal(m.load15(), 2));
        tag(out, "n", count(m.cpuCount()));
        tag(out, "m", count(m.memTotalBytes()), count(m.memUsedBytes()), count(m.memAvailableBytes()));
        tag(out, "s", count(m.swapTotalBytes()), count(m.swapUsedBytes()));
        tag(out, "t", decimal(m.temperatureCelsius(), 1));
        tag(out, "d", count(m.diskTotalBytes()), count(m.diskFreeBytes()));
        tag(out, "u", count(m.uptimeSeconds()));
        tag(out, "h", count(m.jvmHeapUsedBytes()), count(m.jvmHeapMaxBytes()));
        tag(out, "j", count(m.jvmThreads()));
        tag(out, "a", count(m.sampledAtMillis()));
        return out.toString();
    }

    /**
     * The metrics in a gossip value; never throws. Null, empty, damaged or newer-version values give
     * unknown fields (see the class comment for which).
     */
    public NodeMetrics decode(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return NodeMetrics.unknown();
        }
        List<String> tokens = split(value, FIELD);
        if (!String.valueOf(VERSION).equals(tokens.get(0))) {
            return NodeMetrics.unknown();
        }
        NodeMetrics.Builder b = NodeMetrics.builder();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                apply(b, token.substring(0, eq), split(token.substring(eq + 1), SLOT));
            }
        }
        return b.build();
    }

    private static void apply(NodeMetrics.Builder b, String tag, List<String> s) {
        switch (tag) {
            case "c" -> b.cpuPercent(dec(s, 0));
            case "l" -> b.load(dec(s, 0), dec(s, 1), dec(s, 2));
            case "n" -> b.cpuCount(integer(s, 0));
            case "m" -> b.memory(num(s, 0), num(s, 1), num(s, 2));
            case "s" -> b.swap(num(s, 0), num(s, 1));
            case "t" -> b.temperatureCelsius(dec(s, 0));
            case "d" -> b.disk(num(s, 0), num(s, 1));
            case "u" -> b.uptimeSeconds(num(s, 0));
            case "h" -> b.jvmHeap(num(s, 0), num(s, 1));
            case "j" -> b.jvmThreads(integer(s, 0));
            case "a" -> b.sampledAtMillis(num(s, 0));
            default -> { } // a tag added after version 1 was frozen: ignored
        }
    }

    private static Double dec(List<String> slots, int i) {
        return i < slots.size() ? DecimalText.parseDecimal(slots.get(i)) : null;
    }

    private static Long num(List<String> slots, int i) {
        return i < slots.size() ? DecimalText.parseCount(slots.get(i)) : null;
    }

    private static Integer integer(List<String> slots, int i) {
        Long n = num(slots, i);
        return n != null && n <= Integer.MAX_VALUE ? Integer.valueOf(n.intValue()) : null;
    }

    private static String decimal(Double value, int places) {
        return value == null ? null : DecimalText.format(value, places);
    }

    private static String count(Number value) {
        return value == null || value.longValue() < 0 ? null : Long.toString(value.longValue());
    }

    /** Appends {@code ;tag=a,b,c}, with empty slots for unknowns and trailing unknowns dropped. */
    private static void tag(StringBuilder out, String tag, String... slots) {
        int last = slots.length - 1;
        while (last >= 0 && slots[last] == null) {
            last--;
        }
        if (last < 0) {
            return;
        }
        out.append(FIELD).append(tag).append('=');
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                out.append(SLOT);
            }
            if (slots[i] != null) {
                out.append(slots[i]);
            }
        }
    }

    /** Like {@code String.split} but keeps empty slots and compiles no regular expression. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
