package io.punnet.metadata.api;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The meta-data of one node: the names of the services installed on it and its tags. Both lists are
 * sorted, free of duplicates and unmodifiable, whatever order they were given in; two equal sets
 * of names give equal records.
 *
 * @param services service names, for example {@code load_balancer}, {@code nginx_webserver}
 * @param tags     free-form tags, for example {@code rack-2}, {@code zone:kitchen}
 */
public record Metadata(List<String> services, List<String> tags) {

    private static final Metadata EMPTY = new Metadata(List.of(), List.of());

    public Metadata {
        services = sorted(Objects.requireNonNull(services, "services"));
        tags = sorted(Objects.requireNonNull(tags, "tags"));
    }

    /** No services, no tags. */
    public static Metadata empty() {
        return EMPTY;
    }

    private static List<String> sorted(Collection<String> names) {
        for (String name : names) {
            Objects.requireNonNull(name, "a name is null");
        }
        return List.copyOf(new TreeSet<>(names));
    }
}
