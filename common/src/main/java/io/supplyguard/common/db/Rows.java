package io.supplyguard.common.db;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Small helpers for mapping rows and array parameters, so that repositories hold only their SQL and mappers. */
public final class Rows {

  private Rows() {
  }

  public static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> result = new ArrayList<>(rows.size());
    rows.forEach(row -> result.add(mapper.apply(row)));
    return result;
  }

  public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(mapper.apply(rows.iterator().next()));
  }

  /**
   * One text per item, as a statement's array parameter: several rows written by one statement
   * take one array per column, unnested in SQL and cast there.
   */
  public static <T> String[] texts(List<T> items, Function<T, String> column) {
    return items.stream().map(column).toArray(String[]::new);
  }

  public static Set<String> stringSet(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
  }
}
