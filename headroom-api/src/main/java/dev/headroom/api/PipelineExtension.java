package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Code that Headroom calls at {@link PipelineStage stages} of a component's and a request's life.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader}: declare {@code provides
 * dev.headroom.api.PipelineExtension with …} in {@code module-info.java} and list the class in
 * {@code META-INF/services/dev.headroom.api.PipelineExtension} for class-path users. A provider
 * needs a public no-argument constructor that does no work.
 *
 * <p>The rules every extension honours (the testkit checks them):
 *
 * <ul>
 *   <li>{@link #onEvent} returns the event it was given to change nothing, or a copy made with the
 *       event's {@code with…} methods; {@code null} also means "unchanged".
 *   <li>Unknown stages pass through unchanged, so an extension keeps working when stages are added.
 *   <li>It is fast and thread-safe: it is called concurrently for many requests, on the request
 *       path.
 *   <li>It may throw, but that is a bug: Headroom logs it, counts it and carries on with the event
 *       as it was before the call (fail-open); the user's request never fails because of it.
 * </ul>
 */
@API(status = STABLE, since = "0.1")
public interface PipelineExtension {

  /**
   * A stable, unique, non-blank identifier, such as {@code acme-redactor}; it names the extension
   * in logs and metrics, and two extensions with one id are a configuration error.
   *
   * @return the id
   */
  String id();

  /**
   * Handles one event.
   *
   * @param event the event, immutable
   * @return the same event for "unchanged", a copy with changes, or {@code null} for "unchanged"
   */
  PipelineEvent onEvent(PipelineEvent event);

  /**
   * The stages this extension wants; it is never called for the others, and a caller that finds no
   * extension wanting a stage skips building that stage's event.
   *
   * @return the stages, all of them by default
   */
  default Set<PipelineStage> stages() {
    return EnumSet.allOf(PipelineStage.class);
  }

  /**
   * Where this extension runs among others: lower first, ties broken by {@link #id()}.
   *
   * @return the order, {@code 0} by default
   */
  default int order() {
    return 0;
  }
}
