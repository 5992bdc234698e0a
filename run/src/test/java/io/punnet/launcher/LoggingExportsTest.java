package io.punnet.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoggingExportsTest {

    private static final String SLF4J_2_0_17 = "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,"
            + "org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17,"
            + "org.slf4j;version=1.7.36,org.slf4j.helpers;version=1.7.36";

    @Test
    void slf4jOnTheClassPathIsExportedAtItsVersion() {
        assertEquals(Optional.of(SLF4J_2_0_17), LoggingExports.extraPackages(null, Optional.of("2.0.17")));
        assertEquals(Optional.of(SLF4J_2_0_17), LoggingExports.extraPackages(" ", Optional.of("2.0.17")));
    }

    @Test
    void packagesTheJvmWasGivenAreKept() {
        assertEquals(Optional.of("com.example;version=1," + SLF4J_2_0_17),
                LoggingExports.extraPackages("com.example;version=1", Optional.of("2.0.17")));
    }

    @Test
    void nothingChangesWithoutSlf4jOrWhenItIsExportedAlready() {
        assertEquals(Optional.empty(), LoggingExports.extraPackages("com.example", Optional.empty()));
        assertEquals(Optional.empty(), LoggingExports.extraPackages("org.slf4j;version=2.0.9", Optional.of("2.0.17")));
    }

    @Test
    void theVersionIsReadFromTheApiOnTheClassPath() {
        // the test class path holds the slf4j-api of the build (provided scope)
        assertEquals(Optional.of(org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion()),
                LoggingExports.slf4jVersion(getClass().getClassLoader()));
        assertEquals(Optional.empty(), LoggingExports.slf4jVersion(new ClassLoader(null) { }));
    }
}
