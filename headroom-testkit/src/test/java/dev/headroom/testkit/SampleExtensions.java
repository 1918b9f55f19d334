package dev.headroom.testkit;

import dev.headroom.api.PipelineEvent;
import dev.headroom.api.PipelineExtension;
import dev.headroom.api.PipelineStage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** Extensions the kit is tested with: one that behaves, and one per way to break the contract. */
final class SampleExtensions {

  private SampleExtensions() {}

  /** Behaves: tags every request at INPUT_RECEIVED with a cost centre header. */
  public static final class RequestTagger implements PipelineExtension {
    @Override
    public String id() {
      return "request-tagger";
    }

    @Override
    public Set<PipelineStage> stages() {
      return Set.of(PipelineStage.INPUT_RECEIVED);
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event.stage() == PipelineStage.INPUT_RECEIVED
          ? event.withHeader("x-cost-center", "search")
          : event;
    }
  }

  /** Throws on every event. */
  static final class Throwing implements PipelineExtension {
    @Override
    public String id() {
      return "throwing";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      throw new IllegalStateException("not configured");
    }
  }

  /** Tries to change the payload map it was given. */
  static final class MutatesInput implements PipelineExtension {
    @Override
    public String id() {
      return "mutates-input";
    }

    @Override
    @SuppressWarnings("unchecked")
    public PipelineEvent onEvent(PipelineEvent event) {
      ((Map<String, Object>) (Map<String, ?>) event.payload()).put("model", "cheaper-model");
      return event;
    }
  }

  /** Takes 3 ms per event. */
  static final class Slow implements PipelineExtension {
    @Override
    public String id() {
      return "slow";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      LockSupport.parkNanos(3_000_000);
      return event;
    }
  }

  /** Behaves, but is listed in no module-info and no META-INF/services. */
  static final class NotRegistered implements PipelineExtension {
    @Override
    public String id() {
      return "not-registered";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event;
    }
  }

  /**
   * Keeps the request it is working on in a field, so concurrent requests see each other's events.
   */
  static final class NotThreadSafe implements PipelineExtension {
    private PipelineEvent current;

    @Override
    public String id() {
      return "not-thread-safe";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      current = event;
      LockSupport.parkNanos(200_000);
      return current.withMetadata("seen", true);
    }
  }

  /** Shares its id with {@link DuplicateIdTwo}; both are listed in META-INF/services. */
  public static final class DuplicateIdOne implements PipelineExtension {
    @Override
    public String id() {
      return "duplicate-id";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event;
    }
  }

  /** Shares its id with {@link DuplicateIdOne}. */
  public static final class DuplicateIdTwo implements PipelineExtension {
    @Override
    public String id() {
      return "duplicate-id";
    }

    @Override
    public PipelineEvent onEvent(PipelineEvent event) {
      return event;
    }
  }
}
