package io.punnet.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code punnet.rest.open.networks}: a comma-separated list of CIDR blocks ({@code 10.0.0.0/24},
 * {@code 192.168.1.7/32}, {@code fd00::/8}) whose clients may use the two original meta-data routes
 * without a token. Only address literals are accepted (never a host name, which would need DNS);
 * a bad entry stops the component with a message that names it. Empty by default: nobody.
 */
final class OpenNetworks implements Predicate<String> {

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private OpenNetworks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** Parses the list; throws {@link IllegalArgumentException} naming the bad entry. */
    static OpenNetworks parse(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String cidr = entry.trim();
                if (!cidr.isEmpty()) {
                    blocks.add(block(cidr));
                }
            }
        }
        return new OpenNetworks(blocks);
    }

    private static Block block(String cidr) {
        int slash = cidr.indexOf('/');
        String host = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("punnet.rest.open.networks: '" + cidr + "' is not an IP address or CIDR block");
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("punnet.rest.open.networks: bad prefix length in '" + cidr + "'");
            }
        }
        return new Block(network, prefix);
    }

    /** The bytes of an IP address literal, or null for anything else (no DNS lookup ever). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !isLiteralShaped(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Digits and dots (IPv4, four parts), or hex digits and colons (IPv6): nothing DNS would be asked about. */
    private static boolean isLiteralShaped(String text) {
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.') && text.split("\\.", -1).length == 4;
    }

    @Override
    public boolean test(String remoteAddress) {
        if (blocks.isEmpty()) {
            return false;
        }
        byte[] address = literal(remoteAddress);
        if (address == null) {
            return false;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }
}
