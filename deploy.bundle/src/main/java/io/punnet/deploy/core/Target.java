package io.punnet.deploy.core;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which nodes a rollout is for: {@code all}, {@code tag:<tag>}, or {@code node:<name>,<name>}.
 * Every node evaluates the target against itself, so {@code all} includes nodes that join later and
 * {@code tag:} follows the tags a node has when it looks.
 *
 * @param kind  all, tag or node list
 * @param value the tag, or the node names (empty for all)
 */
public record Target(Kind kind, List<String> value) {

    /** Longest target text accepted (it is gossiped inside the 1 KiB desired state). */
    public static final int MAX_LENGTH = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}");

    /** The kinds of target. */
    public enum Kind { ALL, TAG, NODES }

    public Target {
        Objects.requireNonNull(kind, "kind");
        value = List.copyOf(value);
    }

    /** Every member. */
    public static Target all() {
        return new Target(Kind.ALL, List.of());
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a target is required: all, tag:<tag> or node:<name>,<name>");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the target is longer than " + MAX_LENGTH + " characters");
        }
        if (text.equals("all")) {
            return all();
        }
        if (text.startsWith("tag:")) {
            String tag = text.substring(4);
            requireName(tag, "tag");
            return new Target(Kind.TAG, List.of(tag));
        }
        if (text.startsWith("node:")) {
            String[] names = text.substring(5).split(",", -1);
            for (String name : names) {
                requireName(name, "node name");
            }
            return new Target(Kind.NODES, List.of(names).stream().distinct().sorted().toList());
        }
        throw new IllegalArgumentException("'" + text + "' is not a target: use all, tag:<tag> or node:<name>,<name>");
    }

    private static void requireName(String name, String what) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a valid " + what);
        }
    }

    /** Whether a node with this name and these tags is targeted. */
    public boolean matches(String node, Set<String> tags) {
        return switch (kind) {
            case ALL -> true;
            case TAG -> tags.contains(value.get(0));
            case NODES -> value.contains(node);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "all";
            case TAG -> "tag:" + value.get(0);
            case NODES -> "node:" + String.join(",", value);
        };
    }
}
