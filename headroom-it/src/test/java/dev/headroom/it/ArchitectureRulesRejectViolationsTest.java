package dev.headroom.it;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Proves every architecture rule can fail: each fixture under test sources breaks exactly one rule,
 * and the rule must reject it, naming the offending class.
 */
class ArchitectureRulesRejectViolationsTest {

  private static JavaClasses fixtures(String... packages) {
    return new ClassFileImporter().importPackages(packages);
  }

  private static void assertRejects(ArchRule rule, JavaClasses classes, String offender) {
    AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes));
    assertTrue(
        failure.getMessage().contains(offender),
        () -> "expected the report to name " + offender + ":\n" + failure.getMessage());
  }

  @Test
  void apiMayNotDependBeyondTheJdk() {
    assertRejects(
        HeadroomArchitectureRules.api_depends_only_on_the_jdk_and_annotations,
        fixtures("dev.headroom.api.archfixture"),
        "LeaksBeyondTheJdk");
  }

  @Test
  void compressMayNotDependOnVertx() {
    assertRejects(
        HeadroomArchitectureRules.compress_never_depends_on_vertx_or_netty,
        fixtures("dev.headroom.compress.archfixture"),
        "UsesAnEventLoop");
  }

  @Test
  void theTestkitOutsideItsHarnessMayNotUseTheProxy() {
    assertRejects(
        HeadroomArchitectureRules.only_the_testkit_harness_uses_the_proxy,
        fixtures("dev.headroom.testkit.archfixture"),
        "ReachesForTheProxy");
  }

  @Test
  void anotherModulesInternalPackageMayNotBeUsed() {
    JavaClasses classes = fixtures("dev.headroom.alpha", "dev.headroom.beta");

    assertRejects(
        HeadroomArchitectureRules.internal_packages_are_used_only_inside_their_module,
        classes,
        "Peeker");
    assertDoesNotThrow(
        () ->
            HeadroomArchitectureRules.internal_packages_are_used_only_inside_their_module.check(
                fixtures("dev.headroom.alpha")));
  }

  @Test
  void packageCyclesAreRejected() {
    assertRejects(
        HeadroomArchitectureRules.packages_are_free_of_cycles,
        fixtures("dev.headroom.it.fixture.cycle"),
        "First");
  }

  @Test
  void anExportedFactoryOfItsOwnImplementationIsNotACycle() {
    assertDoesNotThrow(
        () ->
            HeadroomArchitectureRules.packages_are_free_of_cycles.check(
                fixtures("dev.headroom.it.fixture.factory")));
  }

  @Test
  void publicClassesOpenForExtensionAreRejected() {
    JavaClasses classes = fixtures("dev.headroom.it.fixture.open");

    assertRejects(
        HeadroomArchitectureRules.public_api_classes_are_final_unless_made_for_inheritance,
        classes,
        "OpenForExtension");
    assertDoesNotThrow(
        () -> HeadroomArchitectureRules.public_api_types_declare_their_stability.check(classes));
  }

  @Test
  void publicTypesWithoutAStabilityMarkAreRejected() {
    assertRejects(
        HeadroomArchitectureRules.public_api_types_declare_their_stability,
        fixtures("dev.headroom.it.fixture.unmarked"),
        "Unmarked");
  }

  @Test
  void throwingAGenericExceptionIsRejected() {
    assertRejects(
        HeadroomArchitectureRules.no_generic_exceptions_are_thrown,
        fixtures("dev.headroom.it.fixture.generic"),
        "ThrowsGeneric");
  }

  @Test
  void javaUtilLoggingIsRejected() {
    assertRejects(
        HeadroomArchitectureRules.java_util_logging_is_not_used,
        fixtures("dev.headroom.it.fixture.jul"),
        "UsesJul");
  }

  @Test
  void standardStreamsAreRejectedOutsideCliEntryPoints() {
    assertRejects(
        HeadroomArchitectureRules.standard_streams_are_used_only_by_cli_entry_points,
        fixtures("dev.headroom.it.fixture.chatty"),
        "Chatty");
    assertDoesNotThrow(
        () ->
            HeadroomArchitectureRules.standard_streams_are_used_only_by_cli_entry_points.check(
                fixtures("dev.headroom.it.fixture.internal.cli", "dev.headroom.it.fixture.open")));
  }

  @Test
  void publicInternalTypesNotMarkedInternalAreRejected() {
    JavaClasses classes = fixtures("dev.headroom.it.fixture.internal.marked");

    AssertionError failure =
        assertThrows(
            AssertionError.class,
            () ->
                HeadroomArchitectureRules.public_types_outside_the_api_are_marked_internal.check(
                    classes));
    assertTrue(failure.getMessage().contains("MarkedExperimental"), failure.getMessage());
    assertTrue(failure.getMessage().contains(".Unmarked"), failure.getMessage());
    assertFalse(failure.getMessage().contains("MarkedInternal is public"), failure.getMessage());
  }

  @Test
  void runningStagesOutsideTheSharedPipelineIsRejected() {
    assertRejects(
        HeadroomArchitectureRules.the_shared_pipeline_alone_runs_extensions,
        fixtures("dev.headroom.it.fixture.stages"),
        "RunsStagesItself");
  }

  @Test
  void usingTheSharedPipelineOutsideTheGatewayAndTheClientIsRejected() {
    assertRejects(
        HeadroomArchitectureRules.only_the_gateway_and_the_client_use_the_shared_pipeline,
        new ClassFileImporter()
            .importPackages("dev.headroom.it.fixture.friend", "dev.headroom.pipeline"),
        "ReachesIntoThePipeline");
  }
}
