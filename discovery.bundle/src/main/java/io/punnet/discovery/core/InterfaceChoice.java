package io.punnet.discovery.core;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The setting {@code punnet.discovery.interfaces} (environment {@code PUNNET_DISCOVERY_INTERFACES}):
 * which interfaces mDNS may use.
 * <ul>
 * <li>empty (the default): every usable IPv4 interface — up, multicast-capable, not loopback, with
 *     an address that is not link-local;</li>
 * <li>{@code none}: no mDNS at all (static seeds only, or a machine where multicast must not
 *     leave);</li>
 * <li>a comma list of names: exactly those interfaces, when they are up and multicast-capable;
 *     naming a loopback interface is allowed (a test network namespace).</li>
 * </ul>
 *
 * @param none  whether mDNS is off
 * @param names the interfaces named; empty with {@code none} false means every usable one
 */
public record InterfaceChoice(boolean none, Set<String> names) {

    /** The value that turns mDNS off. */
    public static final String NONE = "none";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,14}");

    public InterfaceChoice {
        names = Set.copyOf(names);
    }

    /** Every usable interface. */
    public static InterfaceChoice all() {
        return new InterfaceChoice(false, Set.of());
    }

    /**
     * Parses the setting.
     *
     * @param value the setting as given; null or blank means every usable interface
     * @throws IllegalArgumentException naming the bad part
     */
    public static InterfaceChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return all();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.equals(NONE) && !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not an interface name");
            }
            names.add(name);
        }
        if (names.contains(NONE)) {
            if (names.size() > 1) {
                throw new IllegalArgumentException("'none' cannot be combined with interfaces");
            }
            return new InterfaceChoice(true, Set.of());
        }
        return new InterfaceChoice(false, names);
    }

    /** Whether every usable interface is meant. */
    public boolean everyUsable() {
        return !none && names.isEmpty();
    }
}
