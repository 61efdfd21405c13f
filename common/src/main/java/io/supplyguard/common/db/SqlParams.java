package io.supplyguard.common.db;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of a {@link NamedSql} statement's parameters, by name. Unlike {@code Map.of} it takes
 * null, which SQL needs as often as any value; it refuses a name given twice, which would hide one
 * of the two values.
 */
public final class SqlParams {
  private final Map<String, Object> values = new HashMap<>();

  private SqlParams() {
  }

  public static SqlParams with(String name, Object value) {
    return empty().and(name, value);
  }

  /** No values yet: for a statement assembled from parts, each adding its own. */
  public static SqlParams empty() {
    return new SqlParams();
  }

  public SqlParams and(String name, Object value) {
    if (values.containsKey(name)) {
      throw new IllegalArgumentException("Parameter " + name + " is given twice");
    }
    values.put(name, value);
    return this;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
