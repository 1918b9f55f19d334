package dev.headroom.compress.internal.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A JSON value as parsed, with each number's source text kept ({@code 1.50} stays {@code 1.50},
 * {@code 1e-7} stays {@code 1e-7}). Containers are ordered as in the input.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface JNode {

  /** An object; {@code keys} and {@code values} are parallel lists. */
  record JObject(List<String> keys, List<JNode> values) implements JNode {}

  /** An array. */
  record JArray(List<JNode> items) implements JNode {}

  /** A string, decoded. */
  record JString(String value) implements JNode {}

  /** A number, as its source text. */
  record JNumber(String text) implements JNode {}

  /** {@code true}, {@code false} or {@code null}, as its text. */
  record JLiteral(String text) implements JNode {}

  /** {@code null}. */
  JLiteral NULL = new JLiteral("null");
}
