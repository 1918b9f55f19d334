package dev.headroom.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * An ordered, immutable set of {@link PipelineExtension extensions} and the fail-open way to run
 * them.
 *
 * <p>Extensions come from a {@link ServiceLoader} the caller creates — so the calling module
 * declares {@code uses dev.headroom.api.PipelineExtension} — and from explicit instances. They run
 * in a deterministic order: by {@link PipelineExtension#order() order}, then by id. Two extensions
 * with one id fail the build with {@link ExtensionConfigurationException}; a provider that cannot
 * be loaded or constructed is logged, reported by {@link #loadFailures()} and skipped, so a broken
 * jar never stops start-up.
 *
 * <p>{@link #emit(PipelineStage, PipelineEvent)} is safe to call from many threads at once.
 */
@API(status = STABLE, since = "0.1")
public final class PipelineExtensions {

  private static final Logger LOG = System.getLogger(PipelineExtensions.class.getName());
  private static final int MAX_CONSECUTIVE_LOAD_ERRORS = 100;
  private static final Pattern PROVIDER_IN_MESSAGE = Pattern.compile("Provider (\\S+)");
  private static final PipelineExtensions NONE = new PipelineExtensions(List.of(), List.of());

  private final List<PipelineExtension> extensions;
  private final List<ExtensionFailure> loadFailures;
  private final Map<PipelineStage, Registered[]> byStage;
  private final Map<String, AtomicLongArray> failures;

  private PipelineExtensions(List<Registered> registered, List<ExtensionFailure> loadFailures) {
    List<PipelineExtension> ordered = new ArrayList<>(registered.size());
    EnumMap<PipelineStage, List<Registered>> stages = new EnumMap<>(PipelineStage.class);
    // Written only here; read concurrently afterwards, which a LinkedHashMap allows.
    Map<String, AtomicLongArray> counters = new LinkedHashMap<>();
    for (Registered entry : registered) {
      ordered.add(entry.extension);
      counters.put(entry.id, new AtomicLongArray(PipelineStage.values().length));
      for (PipelineStage stage : entry.stages) {
        stages.computeIfAbsent(stage, s -> new ArrayList<>()).add(entry);
      }
    }
    EnumMap<PipelineStage, Registered[]> frozen = new EnumMap<>(PipelineStage.class);
    stages.forEach((stage, list) -> frozen.put(stage, list.toArray(Registered[]::new)));
    this.extensions = Collections.unmodifiableList(ordered);
    this.loadFailures = List.copyOf(loadFailures);
    this.byStage = frozen;
    this.failures = counters;
  }

  /**
   * The empty set: every stage is skipped.
   *
   * @return an instance with no extensions
   */
  public static PipelineExtensions none() {
    return NONE;
  }

  /**
   * Orders explicit instances.
   *
   * @param extensions the extensions
   * @return the ordered set
   * @throws ExtensionConfigurationException when two share an id, or an id is blank
   */
  public static PipelineExtensions of(PipelineExtension... extensions) {
    Builder builder = builder();
    for (PipelineExtension extension : extensions) {
      builder.add(extension);
    }
    return builder.build();
  }

  /**
   * Loads and orders every provider of a caller-supplied loader.
   *
   * @param loader for example {@code ServiceLoader.load(PipelineExtension.class)} from the calling
   *     module
   * @return the ordered set
   * @throws ExtensionConfigurationException when two share an id, or an id is blank
   */
  public static PipelineExtensions from(ServiceLoader<PipelineExtension> loader) {
    return builder().load(loader).build();
  }

  /**
   * Starts a set that mixes explicit instances and discovered providers.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The extensions in the order they run.
   *
   * @return an unmodifiable list
   */
  public List<PipelineExtension> extensions() {
    return extensions;
  }

  /**
   * The providers that could not be loaded or constructed, and were skipped.
   *
   * @return an unmodifiable list, empty when all loaded
   */
  public List<ExtensionFailure> loadFailures() {
    return loadFailures;
  }

  /**
   * Tells whether any extension subscribes to a stage, so a caller can skip building the event.
   *
   * @param stage the stage
   * @return {@code true} when {@link #emit} would call at least one extension
   */
  public boolean wants(PipelineStage stage) {
    return byStage.containsKey(stage);
  }

  /**
   * Runs every extension subscribed to a stage, in order, each on the event the previous returned.
   *
   * <p>Fail-open: when an extension throws, or returns an event for another stage, the failure is
   * counted, logged (with a stack trace the first time for that extension and stage, at debug level
   * after that), and the event from before that extension is kept; later extensions still run. A
   * {@code null} return means "unchanged".
   *
   * @param stage the stage
   * @param event the event; it is re-tagged with {@code stage} if it carries another
   * @return the event after all extensions, the same instance when none changed it
   */
  public PipelineEvent emit(PipelineStage stage, PipelineEvent event) {
    Objects.requireNonNull(stage, "stage must not be null");
    Objects.requireNonNull(event, "event must not be null");
    PipelineEvent current = event.withStage(stage);
    Registered[] subscribed = byStage.get(stage);
    if (subscribed == null) {
      return current;
    }
    for (Registered extension : subscribed) {
      current = call(extension, stage, current);
    }
    return current;
  }

  private PipelineEvent call(Registered extension, PipelineStage stage, PipelineEvent event) {
    PipelineEvent result;
    try {
      result = extension.extension.onEvent(event);
    } catch (Exception | LinkageError | AssertionError | StackOverflowError failure) {
      recordFailure(extension, stage, "failed", failure);
      return event;
    }
    if (result == null || result == event) {
      return event;
    }
    if (result.stage() != stage) {
      recordFailure(
          extension,
          stage,
          "returned an event for stage " + result.stage().value() + " and was ignored",
          null);
      return event;
    }
    return result;
  }

  private void recordFailure(
      Registered extension, PipelineStage stage, String what, Throwable failure) {
    String id = extension.id;
    long count = failures.get(id).incrementAndGet(stage.ordinal());
    String message =
        "pipeline extension '"
            + id
            + "' "
            + what
            + " at stage "
            + stage.value()
            + "; the event before it is kept (failure "
            + count
            + " at this stage)";
    if (count == 1) {
      LOG.log(Level.WARNING, message, failure);
    } else {
      LOG.log(Level.DEBUG, message, failure);
    }
  }

  /**
   * How often one extension has failed at one stage.
   *
   * @param id the extension id
   * @param stage the stage
   * @return the count, {@code 0} for an unknown id
   */
  public long failureCount(String id, PipelineStage stage) {
    AtomicLongArray counters = failures.get(id);
    return counters == null ? 0 : counters.get(stage.ordinal());
  }

  /**
   * How often each extension has failed, over all stages, for metrics.
   *
   * @return extension id to failure count, in run order
   */
  public Map<String, Long> failureCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    failures.forEach(
        (id, counters) -> {
          long total = 0;
          for (int i = 0; i < counters.length(); i++) {
            total += counters.get(i);
          }
          counts.put(id, total);
        });
    return Collections.unmodifiableMap(counts);
  }

  @Override
  public String toString() {
    return "PipelineExtensions" + failures.keySet();
  }

  /** Collects explicit instances and discovered providers, then orders them. */
  @API(status = STABLE, since = "0.1")
  public static final class Builder {
    private final List<Registered> registered = new ArrayList<>();
    private final List<ExtensionFailure> loadFailures = new ArrayList<>();
    private final Set<String> excluded = new HashSet<>();

    private Builder() {}

    /**
     * Adds an explicit instance.
     *
     * @param extension the extension
     * @return this builder
     * @throws ExtensionConfigurationException when its id is blank or it cannot describe itself
     */
    public Builder add(PipelineExtension extension) {
      Objects.requireNonNull(extension, "extension must not be null");
      try {
        registered.add(Registered.of(extension));
      } catch (RuntimeException failure) {
        throw new ExtensionConfigurationException(
            "pipeline extension "
                + extension.getClass().getName()
                + " is invalid: "
                + failure.getMessage());
      }
      return this;
    }

    /**
     * Adds every provider a loader finds. A provider that fails to load, construct or describe
     * itself is logged, kept in {@link PipelineExtensions#loadFailures()} and skipped.
     *
     * @param loader the caller's loader
     * @return this builder
     */
    public Builder load(ServiceLoader<PipelineExtension> loader) {
      Objects.requireNonNull(loader, "loader must not be null");
      Iterator<ServiceLoader.Provider<PipelineExtension>> providers = loader.stream().iterator();
      int consecutiveErrors = 0;
      while (consecutiveErrors < MAX_CONSECUTIVE_LOAD_ERRORS) {
        ServiceLoader.Provider<PipelineExtension> provider;
        try {
          if (!providers.hasNext()) {
            break;
          }
          provider = providers.next();
        } catch (ServiceConfigurationError error) {
          consecutiveErrors++;
          reportLoadFailure(providerNamedIn(error), error);
          continue;
        }
        consecutiveErrors = 0;
        String name = provider.type().getName();
        try {
          registered.add(Registered.of(provider.get()));
        } catch (ServiceConfigurationError | RuntimeException | LinkageError failure) {
          reportLoadFailure(name, failure);
        }
      }
      return this;
    }

    /**
     * Leaves out extensions with these ids, wherever they come from.
     *
     * @param ids the ids to leave out
     * @return this builder
     */
    public Builder exclude(String... ids) {
      for (String id : ids) {
        excluded.add(Objects.requireNonNull(id, "id must not be null"));
      }
      return this;
    }

    /**
     * Orders the extensions.
     *
     * @return the ordered set
     * @throws ExtensionConfigurationException when two extensions share an id
     */
    public PipelineExtensions build() {
      List<Registered> kept = new ArrayList<>();
      Map<String, Registered> byId = new LinkedHashMap<>();
      for (Registered entry : registered) {
        if (excluded.contains(entry.id)) {
          continue;
        }
        Registered previous = byId.putIfAbsent(entry.id, entry);
        if (previous != null) {
          throw new ExtensionConfigurationException(
              "two pipeline extensions have the id '"
                  + entry.id
                  + "': "
                  + previous.extension.getClass().getName()
                  + " and "
                  + entry.extension.getClass().getName()
                  + "; give each a unique id, or exclude one");
        }
        kept.add(entry);
      }
      kept.sort(
          Comparator.comparingInt((Registered entry) -> entry.order)
              .thenComparing(entry -> entry.id));
      if (kept.isEmpty() && loadFailures.isEmpty()) {
        return NONE;
      }
      return new PipelineExtensions(kept, loadFailures);
    }

    /** ServiceLoader names a provider it cannot find or instantiate only in its message. */
    private static String providerNamedIn(ServiceConfigurationError error) {
      Matcher named = PROVIDER_IN_MESSAGE.matcher(String.valueOf(error.getMessage()));
      return named.find() ? named.group(1) : "(unknown provider)";
    }

    private void reportLoadFailure(String provider, Throwable failure) {
      LOG.log(
          Level.WARNING,
          "pipeline extension " + provider + " failed to load and is skipped",
          failure);
      loadFailures.add(new ExtensionFailure(provider, failure));
    }
  }

  /** What is read from an extension once, when it is registered. */
  private static final class Registered {
    final PipelineExtension extension;
    final String id;
    final Set<PipelineStage> stages;
    final int order;

    private Registered(
        PipelineExtension extension, String id, Set<PipelineStage> stages, int order) {
      this.extension = extension;
      this.id = id;
      this.stages = stages;
      this.order = order;
    }

    static Registered of(PipelineExtension extension) {
      String id = extension.id();
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(
            "id() must be non-blank, got " + (id == null ? "null" : "'" + id + "'"));
      }
      Set<PipelineStage> stages = extension.stages();
      if (stages == null) {
        throw new IllegalArgumentException("stages() of '" + id + "' must not be null");
      }
      Set<PipelineStage> copy =
          stages.isEmpty() ? EnumSet.noneOf(PipelineStage.class) : EnumSet.copyOf(stages);
      return new Registered(extension, id, copy, extension.order());
    }
  }
}
