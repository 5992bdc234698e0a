package io.punnet.discovery.core;

import java.util.regex.Pattern;

/**
 * IPv4 address literals as text (core code has no {@code java.net}): which ones may name a peer.
 * Link-local (169.254/16), the wildcard, multicast and reserved addresses never do; loopback does
 * (a namespace whose {@code lo} has multicast on is a legitimate test network).
 */
public final class Ipv4 {

    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    private Ipv4() {
    }

    /** Whether {@code text} is a dotted-quad IPv4 literal without leading zeros. */
    public static boolean isLiteral(String text) {
        return text != null && DOTTED_QUAD.matcher(text).matches();
    }

    /** Whether {@code text} is in 169.254.0.0/16, the self-assigned range with no DHCP. */
    public static boolean isLinkLocal(String text) {
        return isLiteral(text) && text.startsWith("169.254.");
    }

    /** Whether {@code text} is in 127.0.0.0/8. */
    public static boolean isLoopback(String text) {
        return isLiteral(text) && text.startsWith("127.");
    }

    /** Whether a peer may be reached at {@code text}: a literal, not 0/8, link-local, multicast or reserved. */
    public static boolean isPeerAddress(String text) {
        if (!isLiteral(text) || isLinkLocal(text)) {
            return false;
        }
        int first = Integer.parseInt(text.substring(0, text.indexOf('.')));
        return first != 0 && first < 224;
    }
}
