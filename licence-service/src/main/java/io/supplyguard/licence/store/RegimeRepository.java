package io.supplyguard.licence.store;

import io.supplyguard.licence.regime.Element;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.regime.Suspension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/** Every statement that reads the regime. */
public final class RegimeRepository {

  private static final String ELEMENTS = """
      SELECT symbol, name, atomic_number, category, control_code
      FROM element
      ORDER BY atomic_number""";

  private static final String MEASURES = """
      SELECT m.id, m.issuer, m.title, m.kind, m.issued_on, m.in_force_from, m.in_force_until,
             m.elements, m.forms, m.destinations, m.prohibited_end_uses, m.covers_all_controlled,
             m.items, m.source, m.confidence,
             COALESCE(json_agg(json_build_object(
                 'reference', s.reference, 'issuedOn', s.issued_on, 'from', s.suspended_from,
                 'until', s.suspended_until, 'source', s.source) ORDER BY s.suspended_from)
               FILTER (WHERE s.id IS NOT NULL), '[]'::json) AS suspensions
      FROM measure m
      LEFT JOIN suspension s ON s.measure_id = m.id
      GROUP BY m.id
      ORDER BY m.in_force_from, m.id""";

  private final Pool pool;

  public RegimeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Element>> elements() {
    return pool.query(ELEMENTS).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(RegimeRepository::element)
        .toList());
  }

  public Future<List<Measure>> measures() {
    return pool.query(MEASURES).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false)
        .map(RegimeRepository::measure)
        .toList());
  }

  private static Element element(Row row) {
    return new Element(row.getString("symbol"), row.getString("name"), row.getInteger("atomic_number"),
        row.getString("category"), row.getString("control_code"));
  }

  private static Measure measure(Row row) {
    return new Measure(
        row.getString("id"),
        row.getString("issuer"),
        row.getString("title"),
        MeasureKind.valueOf(row.getString("kind")),
        row.getLocalDate("issued_on"),
        row.getLocalDate("in_force_from"),
        row.getLocalDate("in_force_until"),
        set(row.getArrayOfStrings("elements")),
        set(row.getArrayOfStrings("forms")),
        set(row.getArrayOfStrings("destinations")),
        set(row.getArrayOfStrings("prohibited_end_uses")),
        row.getBoolean("covers_all_controlled"),
        row.getString("items"),
        row.getString("source"),
        row.getString("confidence"),
        suspensions((JsonArray) row.getValue("suspensions")));
  }

  private static List<Suspension> suspensions(JsonArray json) {
    return json.stream().map(JsonObject.class::cast).map(s -> new Suspension(
        s.getString("reference"),
        LocalDate.parse(s.getString("issuedOn")),
        LocalDate.parse(s.getString("from")),
        LocalDate.parse(s.getString("until")),
        s.getString("source"))).toList();
  }

  private static Set<String> set(String[] values) {
    return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
  }
}
