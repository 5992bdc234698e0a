package io.punnet.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every Punnet bundle keeps. A bundle's test uses them as
 * {@code @ArchTest static final ArchRule coreIsPure = PunnetArchitecture.CORE_IS_PURE;}
 * inside a class annotated {@code @AnalyzeClasses(packages = "io.punnet.<bundle>")}.
 */
public final class PunnetArchitecture {

    private PunnetArchitecture() {
    }

    /**
     * {@code ..core..} is the protocol and domain logic: pure Java, so that it runs unchanged in the
     * simulator on virtual time. Time, randomness, threads and the network come in through
     * constructor arguments.
     */
    public static final ArchRule CORE_IS_PURE = noClasses().that().resideInAPackage("..core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.osgi..", "java.net..", "java.nio.channels..",
                    "java.util.concurrent..", "jakarta.servlet..")
            .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
            .because("core packages must run unchanged on virtual time in the simulator (DESIGN.md)");

    /** Only API packages are exported; nothing outside a bundle may reach into its internal package. */
    public static final ArchRule INTERNAL_IS_PRIVATE = noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAnyPackage("..internal..", "..core..")
            .because("the exported API must not leak implementation types");
}
