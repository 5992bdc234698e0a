package io.punnet.web;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.punnet.testing.PunnetArchitecture;

@AnalyzeClasses(packages = "io.punnet.web")
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiIsClean = PunnetArchitecture.INTERNAL_IS_PRIVATE.allowEmptyShould(true);
}
