package io.punnet.rest;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.punnet.rest")
class ArchitectureTest {
    @ArchTest static final ArchRule coreIsPure = io.punnet.testing.PunnetArchitecture.CORE_IS_PURE;
    // the rest bundle exports no API package: the rule holds trivially, and must not fail for being empty
    @ArchTest static final ArchRule apiIsClean = io.punnet.testing.PunnetArchitecture.INTERNAL_IS_PRIVATE.allowEmptyShould(true);
}
