package io.punnet.deploy;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "io.punnet.deploy")
class ArchitectureTest {
    @ArchTest static final ArchRule coreIsPure = io.punnet.testing.PunnetArchitecture.CORE_IS_PURE;
    @ArchTest static final ArchRule apiIsClean = io.punnet.testing.PunnetArchitecture.INTERNAL_IS_PRIVATE;
}
