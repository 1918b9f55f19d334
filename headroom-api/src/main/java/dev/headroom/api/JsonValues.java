package dev.headroom.api;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deep, order-preserving, unmodifiable copies of plain-Java JSON values.
 *
 * <p>{@code Map.copyOf} and {@code List.copyOf} cannot serve: JSON objects have an order that a
 * provider's prompt cache depends on, and JSON allows {@code null} values. A value frozen once is
 * recognised and never copied again, so passing an event's payload back costs nothing.
 */
final class JsonValues {

  private JsonValues() {}

  /** Returns a deep unmodifiable copy of a JSON object, keeping key order. */
  static Map<String, Object> freezeObject(Map<String, ?> object, String path) {
    if (object instanceof FrozenMap) {
      @SuppressWarnings("unchecked")
      Map<String, Object> frozen = (Map<String, Object>) object;
      return frozen;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
    for (Map.Entry<String, ?> entry : object.entrySet()) {
      Object key = entry.getKey();
      if (!(key instanceof String)) {
        throw new IllegalArgumentException(path + " has a non-string key: " + key);
      }
      copy.put((String) key, freeze(entry.getValue(), path + "." + key));
    }
    return new FrozenMap(copy);
  }

  /** Returns a deep unmodifiable copy of any JSON value; rejects what JSON cannot hold. */
  static Object freeze(Object value, String path) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof FrozenMap
        || value instanceof FrozenList) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> object = (Map<String, ?>) map;
      return freezeObject(object, path);
    }
    if (value instanceof List<?> list) {
      ArrayList<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(freeze(list.get(i), path + "[" + i + "]"));
      }
      return new FrozenList(copy);
    }
    throw new IllegalArgumentException(
        path
            + " is a "
            + value.getClass().getName()
            + "; JSON values are Map, List, String, Number, Boolean or null");
  }

  private static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> delegate;

    FrozenMap(LinkedHashMap<String, Object> delegate) {
      this.delegate = Collections.unmodifiableMap(delegate);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return delegate.entrySet();
    }

    @Override
    public Object get(Object key) {
      return delegate.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return delegate.containsKey(key);
    }

    @Override
    public int size() {
      return delegate.size();
    }
  }

  private static final class FrozenList extends AbstractList<Object> {
    private final List<Object> delegate;

    FrozenList(ArrayList<Object> delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object get(int index) {
      return delegate.get(index);
    }

    @Override
    public int size() {
      return delegate.size();
    }
  }
}
