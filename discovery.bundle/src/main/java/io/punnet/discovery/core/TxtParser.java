package io.punnet.discovery.core;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an {@link Announcement} from a TXT record received from the network, which may be anything:
 * a Punnet node of another version, another program using our service type, or a forgery. Every
 * field is checked against the same rules the launcher applies to its settings; a record that fails
 * is rejected with a reason (the caller counts it), never thrown at the caller.
 */
public final class TxtParser {

    private static final Pattern NODE_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private TxtParser() {
    }

    /** The outcome of parsing one TXT record. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    /** A well-formed announcement (its version may still be one this node does not speak). */
    public record Valid(Announcement announcement) implements Parsed {
    }

    /** A record that is not a Punnet announcement, and why. */
    public record Invalid(String reason) implements Parsed {
    }

    /** Parses {@code txt}; never throws. */
    public static Parsed parse(Map<String, String> txt) {
        if (txt == null || txt.isEmpty()) {
            return new Invalid("empty TXT record");
        }
        String version = txt.get(Announcement.VERSION);
        if (version == null || !NUMBER.matcher(version).matches()) {
            return new Invalid("no version");
        }
        String cluster = txt.get(Announcement.CLUSTER);
        if (cluster == null || !CLUSTER_NAME.matcher(cluster).matches()) {
            return new Invalid("bad cluster name");
        }
        String node = txt.get(Announcement.NODE);
        if (node == null || !NODE_NAME.matcher(node).matches()) {
            return new Invalid("bad node name");
        }
        int gossip = port(txt.get(Announcement.GOSSIP_PORT));
        if (gossip < 1) {
            return new Invalid("bad gossip port");
        }
        String http = txt.get(Announcement.HTTP_PORT);
        int httpPort = http == null ? 0 : port(http);
        if (httpPort < 0) {
            return new Invalid("bad http port");
        }
        return new Valid(new Announcement(cluster, node, gossip, httpPort, Integer.parseInt(version)));
    }

    /** The port, or -1 when the text is not a number in 0..65535. */
    private static int port(String text) {
        if (text == null || !NUMBER.matcher(text).matches()) {
            return -1;
        }
        int value = Integer.parseInt(text);
        return value <= 65_535 ? value : -1;
    }
}
