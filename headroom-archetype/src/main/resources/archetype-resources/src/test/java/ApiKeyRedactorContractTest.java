package ${package};

import dev.headroom.api.PipelineExtension;
import dev.headroom.testkit.PipelineExtensionContract;

/** Runs Headroom's conformance checks against this extension. */
class ApiKeyRedactorContractTest extends PipelineExtensionContract {

  @Override
  protected PipelineExtension createExtension() {
    return new ApiKeyRedactor();
  }
}
