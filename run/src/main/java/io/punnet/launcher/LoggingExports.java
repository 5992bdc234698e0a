package io.punnet.launcher;

import java.util.Optional;

/**
 * Logging without SPI Fly: slf4j-api and its binding (slf4j-simple) are not bundles but sit on the
 * framework's class path ({@code lib/}, also named in the launcher jar's {@code Class-Path}, so that
 * {@code java -cp lib/punnet-launcher.jar} is enough), and the framework exports slf4j's packages to
 * the bundles. slf4j then finds its binding with the JVM's plain {@link java.util.ServiceLoader}, and
 * no bytecode weaver is needed (measured: RSS -10 MiB, start -0.35 s).
 *
 * <p>The export list is what slf4j-api's own bundle exports, at the version of the slf4j on the class
 * path, plus the 1.7.36 packages it exports for bundles that still import slf4j 1.7. The bndruns
 * declare the same list ({@code -runsystempackages}) so that the resolver sees it.
 */
final class LoggingExports {

    /** The framework property that adds packages to what the system bundle exports. */
    static final String SYSTEM_PACKAGES_EXTRA = "org.osgi.framework.system.packages.extra";
    private static final String LOGGER_FACTORY = "org.slf4j.LoggerFactory";

    private LoggingExports() {
    }

    /** The export clauses for slf4j at {@code version}. */
    static String packages(String version) {
        return "org.slf4j;version=" + version + ",org.slf4j.event;version=" + version
                + ",org.slf4j.helpers;version=" + version + ",org.slf4j.spi;version=" + version
                + ",org.slf4j;version=1.7.36,org.slf4j.helpers;version=1.7.36";
    }

    /**
     * The value {@value #SYSTEM_PACKAGES_EXTRA} should have: {@code current} (what the JVM was given,
     * may be null) with slf4j's packages added, unless slf4j is not on the class path or {@code current}
     * already exports it (then empty: leave the property as it is).
     *
     * @param current      the property's value now, or null
     * @param slf4jVersion the version of the slf4j API on the class path, empty if there is none
     */
    static Optional<String> extraPackages(String current, Optional<String> slf4jVersion) {
        if (slf4jVersion.isEmpty() || (current != null && current.contains("org.slf4j"))) {
            return Optional.empty();
        }
        String slf4j = packages(slf4jVersion.get());
        return Optional.of(current == null || current.isBlank() ? slf4j : current + "," + slf4j);
    }

    /** The version of the slf4j API the class loader sees (its jar's Implementation-Version), if any. */
    static Optional<String> slf4jVersion(ClassLoader loader) {
        try {
            Package p = Class.forName(LOGGER_FACTORY, false, loader).getPackage();
            return Optional.ofNullable(p == null ? null : p.getImplementationVersion());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
