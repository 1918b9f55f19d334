package dev.headroom.compress;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A rewrite whose body has been read (see {@link LiveZoneRewriter#scan}): what is left is
 * compressing its blocks, if any, and splicing. A caller on an event loop scans there and hands a
 * worker only a rewrite that {@linkplain #compresses() compresses}.
 *
 * @param <R> what the finished rewrite gives
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface ScannedRewrite<R> {

  /**
   * @return whether {@link #finish()} compresses a block; {@code false} only when it is certain not
   *     to (nothing in the live zone to compress: replayed, the user's own words, protected, too
   *     small or too large), when it only splices and accounts
   */
  boolean compresses();

  /**
   * @return the result, as the one-step rewrite gives it; call once, on any thread
   */
  R finish();

  /**
   * @param compresses what {@link #compresses()} answers
   * @param finish what {@link #finish()} runs
   * @param <R> what the finished rewrite gives
   * @return a scanned rewrite
   */
  static <R> ScannedRewrite<R> of(boolean compresses, Supplier<R> finish) {
    Objects.requireNonNull(finish, "finish must not be null");
    return new ScannedRewrite<>() {
      @Override
      public boolean compresses() {
        return compresses;
      }

      @Override
      public R finish() {
        return finish.get();
      }
    };
  }
}
