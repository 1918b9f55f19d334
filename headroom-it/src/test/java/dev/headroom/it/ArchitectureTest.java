package dev.headroom.it;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Checks every rule of {@link HeadroomArchitectureRules} against the production classes of all
 * modules.
 */
@AnalyzeClasses(packages = "dev.headroom", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

  @ArchTest static final ArchTests headroom_rules = ArchTests.in(HeadroomArchitectureRules.class);
}
