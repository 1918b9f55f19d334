package dev.headroom.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtensions;
import dev.headroom.api.PipelineStage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The module boundaries and coding rules of Headroom, one named rule each. {@link ArchitectureTest}
 * checks them against the built modules; {@link ArchitectureRulesRejectViolationsTest} proves each
 * one fails on a small fixture that breaks it.
 */
final class HeadroomArchitectureRules {

  /** Where CLI entry points live: the only code allowed to write to standard streams. */
  static final String CLI_PACKAGES = "dev.headroom..internal.cli..";

  private static final Pattern MODULE = Pattern.compile("^dev\\.headroom\\.([^.]+)(?:\\..*)?$");
  private static final Pattern INTERNAL =
      Pattern.compile("^dev\\.headroom\\.([^.]+)\\.(?:.+\\.)?internal(?:\\..*)?$");

  private HeadroomArchitectureRules() {}

  @ArchTest
  static final ArchRule api_depends_only_on_the_jdk_and_annotations =
      classes()
          .that()
          .resideInAPackage("dev.headroom.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.headroom.api..", "org.apiguardian.api..")
          .because("an extension author who depends on headroom-api must get nothing but the JDK");

  @ArchTest
  static final ArchRule compress_never_depends_on_vertx_or_netty =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom.compress..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.vertx..", "io.netty..")
          .because(
              "compression is pure synchronous code, usable as a library and from the CLI without an event loop");

  @ArchTest
  static final ArchRule only_the_testkit_harness_uses_the_proxy =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom.testkit..")
          .and()
          .resideOutsideOfPackage("dev.headroom.testkit.proxy..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.headroom.proxy..", "io.vertx..", "io.netty..")
          .because(
              "the kit's contract and fluent API must work without the proxy on the path; only ProxyHarness needs it");

  @ArchTest
  static final ArchRule internal_packages_are_used_only_inside_their_module =
      classes()
          .that()
          .resideInAPackage("dev.headroom..")
          .should(useNoInternalPackageOfAnotherModule())
          .because(
              "internal packages are implementation: they are never exported and may change at any time");

  @ArchTest
  static final ArchRule packages_are_free_of_cycles =
      slices()
          .matching("dev.headroom.(**)")
          .should()
          .beFreeOfCycles()
          // An exported package may create its module's implementation (Compressor.create()
          // returning an
          // internal class); the implementation uses the exported types. Only that edge is allowed
          // to close a
          // loop: it stays inside one module, which
          // internal_packages_are_used_only_inside_their_module ensures.
          .ignoreDependency(
              resideOutsideOfPackage("..internal.."), resideInAPackage("..internal.."))
          .because(
              "a package cycle makes the modules impossible to split, test or understand one at a time");

  @ArchTest
  static final ArchRule public_api_classes_are_final_unless_made_for_inheritance =
      classes()
          .that()
          .resideInAPackage("dev.headroom..")
          .and()
          .resideOutsideOfPackage("..internal..")
          .and()
          .arePublic()
          .should(beFinalOrInterfacesOrAbstract())
          .because(
              "a public class that was not designed for subclassing must not be subclassed by users");

  @ArchTest
  static final ArchRule public_api_types_declare_their_stability =
      classes()
          .that()
          .resideInAPackage("dev.headroom..")
          .and()
          .resideOutsideOfPackage("..internal..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should()
          .beAnnotatedWith(API.class)
          .because(
              "users must see which types are stable, experimental or internal (apiguardian @API)");

  @ArchTest
  static final ArchRule public_types_outside_the_api_are_marked_internal =
      classes()
          .that()
          .resideInAnyPackage("dev.headroom..internal..", "dev.headroom.pipeline..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .should(beMarkedInternal())
          .because(
              "on the class path an unexported type is still visible: @API(status = INTERNAL) tells"
                  + " users it may change at any time, as JUnit marks its own");

  @ArchTest
  static final ArchRule the_shared_pipeline_alone_runs_extensions =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom..")
          .and()
          .resideOutsideOfPackages(
              "dev.headroom.api..", "dev.headroom.pipeline..", "dev.headroom.testkit..")
          .should()
          .callMethod(PipelineExtensions.class, "emit", PipelineStage.class, PipelineEvent.class)
          .because(
              "the gateway and the in-process client run one stage sequence with one set of"
                  + " metadata; a second runner drifts (the testkit runs extensions to test them)");

  @ArchTest
  static final ArchRule only_the_gateway_and_the_client_use_the_shared_pipeline =
      classes()
          .that()
          .resideInAPackage("dev.headroom.pipeline..")
          .should()
          .onlyBeAccessed()
          .byClassesThat()
          .resideInAnyPackage(
              "dev.headroom.pipeline..", "dev.headroom.proxy..", "dev.headroom.client..")
          .because(
              "the pipeline is the common implementation of those two modules, exported to them"
                  + " alone; anyone else uses HeadroomClient or the gateway");

  @ArchTest
  static final ArchRule no_generic_exceptions_are_thrown =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom..")
          .should(GeneralCodingRules.THROW_GENERIC_EXCEPTIONS)
          .because(
              "callers must be able to tell failures apart: throw a HeadroomException subclass or a specific JDK exception");

  @ArchTest
  static final ArchRule java_util_logging_is_not_used =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom..")
          .and()
          .resideOutsideOfPackage(CLI_PACKAGES)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.logging..")
          .because(
              "libraries log through System.Logger so the application chooses the backend (the"
                  + " command line is an application: it sets up its console handler)");

  @ArchTest
  static final ArchRule standard_streams_are_used_only_by_cli_entry_points =
      noClasses()
          .that()
          .resideInAPackage("dev.headroom..")
          .and()
          .resideOutsideOfPackage(CLI_PACKAGES)
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "a library or a server writing to stdout corrupts the output of whoever embeds it");

  private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
    return new ArchCondition<>("use no internal package of another module") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> originModule = moduleOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
          if (internal.matches() && !originModule.equals(Optional.of(internal.group(1)))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static Optional<String> moduleOf(String packageName) {
    Matcher module = MODULE.matcher(packageName);
    return module.matches() ? Optional.of(module.group(1)) : Optional.empty();
  }

  private static ArchCondition<JavaClass> beMarkedInternal() {
    return new ArchCondition<>("be annotated @API(status = INTERNAL)") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        boolean internal =
            javaClass.isAnnotatedWith(API.class)
                && javaClass.getAnnotationOfType(API.class).status() == API.Status.INTERNAL;
        if (!internal) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass,
                  javaClass.getName() + " is public but not marked @API(status = INTERNAL)"));
        }
      }
    };
  }

  private static ArchCondition<JavaClass> beFinalOrInterfacesOrAbstract() {
    return new ArchCondition<>("be final, or an interface, enum, record or abstract class") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        boolean closed =
            javaClass.isInterface()
                || javaClass.isEnum()
                || javaClass.getModifiers().contains(JavaModifier.FINAL)
                || javaClass.getModifiers().contains(JavaModifier.ABSTRACT);
        if (!closed) {
          events.add(
              SimpleConditionEvent.violated(
                  javaClass,
                  javaClass.getName()
                      + " is public but neither final, abstract, an interface, an enum nor a record"));
        }
      }
    };
  }
}
