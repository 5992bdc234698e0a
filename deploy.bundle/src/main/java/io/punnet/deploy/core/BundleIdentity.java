package io.punnet.deploy.core;

import java.util.Objects;

/**
 * What a jar's manifest says it is.
 *
 * @param symbolicName the symbolic name, without directives
 * @param version      the version
 */
public record BundleIdentity(String symbolicName, OsgiVersion version) {

    public BundleIdentity {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
    }
}
