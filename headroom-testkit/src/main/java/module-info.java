/**
 * The conformance kit for Headroom extension authors: a fluent {@link
 * dev.headroom.testkit.HeadroomTestKit} that runs an extension on sample or hand-made events, and
 * {@link dev.headroom.testkit.PipelineExtensionContract}, an abstract JUnit 5 test class that
 * checks what every extension must honour.
 *
 * <p>Reads the system property {@code headroom.testkit.budget-micros} (the median time budget per
 * event in microseconds; default 1000), so a slow CI machine can widen it without code changes.
 */
module dev.headroom.testkit {
  // Our exported signatures use both: PipelineExtension/PipelineEvent, and the contract is a JUnit
  // test class.
  requires transitive dev.headroom.api;
  requires transitive org.junit.jupiter.api;
  // Only the in-process harness (dev.headroom.testkit.proxy) uses the proxy and Vert.x; a project
  // that
  // uses the harness adds headroom-proxy-vertx to its own test dependencies.
  requires static dev.headroom.proxy;
  requires static io.vertx.core;

  exports dev.headroom.testkit;
  exports dev.headroom.testkit.proxy;

  // JUnit instantiates and reflects on the contract's test methods.
  opens dev.headroom.testkit to
      org.junit.platform.commons;

  // HeadroomTestKit.extension("id") finds extensions as the proxy does.
  uses dev.headroom.api.PipelineExtension;
}
