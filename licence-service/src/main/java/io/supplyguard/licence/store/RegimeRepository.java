package io.supplyguard.licence.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.licence.regime.Element;
import io.supplyguard.licence.regime.Measure;
import io.supplyguard.licence.regime.MeasureKind;
import io.supplyguard.licence.regime.Suspension;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every statement that reads or writes the regime. */
public final class RegimeRepository {

  private static final String ELEMENTS = """
      SELECT symbol, name, atomic_number, category, control_code
      FROM element
      ORDER BY atomic_number""";

  private static final String FORMS = "SELECT code FROM item_form ORDER BY code";

  private static final NamedSql MEASURES = NamedSql.of("""
      SELECT m.id, m.issuer, m.title, m.kind, m.issued_on, m.in_force_from, m.in_force_until,
             m.elements, m.forms, m.destinations, m.prohibited_end_uses, m.covers_all_controlled,
             m.items, m.source, m.confidence,
             COALESCE(json_agg(json_build_object(
                 'id', s.id, 'reference', s.reference, 'issuedOn', s.issued_on, 'from', s.suspended_from,
                 'until', s.suspended_until, 'liftedOn', s.lifted_on, 'source', s.source,
                 'renewalProbability', s.renewal_probability::text, 'renewalNote', s.renewal_note)
                 ORDER BY s.suspended_from) FILTER (WHERE s.id IS NOT NULL), '[]'::json) AS suspensions
      FROM measure m
      LEFT JOIN suspension s ON s.measure_id = m.id
      WHERE #{id}::text IS NULL OR m.id = #{id}
      GROUP BY m.id
      ORDER BY m.in_force_from, m.id""");

  private static final NamedSql LOCK_MEASURE = NamedSql.of("SELECT id FROM measure WHERE id = #{id} FOR UPDATE");

  private static final NamedSql INSERT_MEASURE = NamedSql.of("""
      INSERT INTO measure (id, issuer, title, kind, issued_on, in_force_from, in_force_until, elements, forms,
                           destinations, prohibited_end_uses, covers_all_controlled, items, source, confidence)
      VALUES (#{id}, #{issuer}, #{title}, #{kind}, #{issuedOn}, #{inForceFrom}, #{inForceUntil}, #{elements},
              #{forms}, #{destinations}, #{prohibitedEndUses}, #{coversAllControlled}, #{items}, #{source},
              #{confidence})
      ON CONFLICT (id) DO NOTHING""");

  private static final NamedSql UPDATE_MEASURE = NamedSql.of("""
      UPDATE measure SET issuer = #{issuer}, title = #{title}, kind = #{kind}, issued_on = #{issuedOn},
             in_force_from = #{inForceFrom}, in_force_until = #{inForceUntil}, elements = #{elements},
             forms = #{forms}, destinations = #{destinations}, prohibited_end_uses = #{prohibitedEndUses},
             covers_all_controlled = #{coversAllControlled}, items = #{items}, source = #{source},
             confidence = #{confidence}, updated_at = now()
      WHERE id = #{id}""");

  private static final NamedSql INSERT_SUSPENSION = NamedSql.of("""
      INSERT INTO suspension (measure_id, reference, issued_on, suspended_from, suspended_until, source, confidence)
      VALUES (#{measureId}, #{reference}, #{issuedOn}, #{from}, #{until}, #{source}, 'H')
      RETURNING id""");

  private static final NamedSql LIFT_SUSPENSION =
      NamedSql.of("UPDATE suspension SET lifted_on = #{liftedOn} WHERE id = #{id}");

  private static final NamedSql SET_RENEWAL = NamedSql.of("""
      UPDATE suspension SET renewal_probability = #{probability}, renewal_note = #{note}, renewal_set_at = now(),
                            renewal_set_by = #{by}
      WHERE id = #{id}""");

  private final Pool pool;

  public RegimeRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Element>> elements() {
    return pool.query(ELEMENTS).execute().map(rows -> Rows.list(rows, RegimeRepository::element));
  }

  public Future<Set<String>> forms() {
    return pool.query(FORMS).execute().map(rows -> Set.copyOf(Rows.list(rows, row -> row.getString("code"))));
  }

  public Future<List<Measure>> measures() {
    return measures(pool, null);
  }

  /** Locks the measure for the rest of the transaction, so that its suspensions change one at a time. */
  public Future<Optional<Measure>> lock(SqlConnection tx, String id) {
    return LOCK_MEASURE.execute(tx, SqlParams.with("id", id)).compose(locked -> locked.size() == 0
        ? Future.succeededFuture(Optional.empty())
        : measures(tx, id).map(found -> found.stream().findFirst()));
  }

  /** Inserts a measure; false when its id is taken. */
  public Future<Boolean> insert(SqlConnection tx, Measure m) {
    return INSERT_MEASURE.execute(tx, measureParams(m)).map(rows -> rows.rowCount() == 1);
  }

  public Future<Void> update(SqlConnection tx, Measure m) {
    return UPDATE_MEASURE.execute(tx, measureParams(m)).mapEmpty();
  }

  public Future<Long> insertSuspension(SqlConnection tx, String measureId, Suspension s) {
    return INSERT_SUSPENSION.execute(tx, SqlParams.with("measureId", measureId).and("reference", s.reference())
            .and("issuedOn", s.issuedOn()).and("from", s.from()).and("until", s.until()).and("source", s.source()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Void> liftSuspension(SqlConnection tx, long suspensionId, LocalDate on) {
    return LIFT_SUSPENSION.execute(tx, SqlParams.with("id", suspensionId).and("liftedOn", on)).mapEmpty();
  }

  /** Sets a suspension's renewal probability and its note; {@code by} names who set it. */
  public Future<Void> setRenewal(SqlConnection tx, long suspensionId, BigDecimal probability, String note, String by) {
    return SET_RENEWAL.execute(tx, SqlParams.with("id", suspensionId).and("probability", probability)
        .and("note", note).and("by", by)).mapEmpty();
  }

  private static Future<List<Measure>> measures(SqlClient client, String id) {
    return MEASURES.execute(client, SqlParams.with("id", id)).map(rows -> Rows.list(rows, RegimeRepository::measure));
  }

  /** Read as text, so that the probability comes back exactly as written. */
  private static BigDecimal renewalProbability(Object value) {
    return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
  }

  private static SqlParams measureParams(Measure m) {
    return SqlParams.with("id", m.id()).and("issuer", m.issuer()).and("title", m.title()).and("kind", m.kind().name())
        .and("issuedOn", m.issuedOn()).and("inForceFrom", m.inForceFrom()).and("inForceUntil", m.inForceUntil())
        .and("elements", sorted(m.elements())).and("forms", sorted(m.forms()))
        .and("destinations", sorted(m.destinations())).and("prohibitedEndUses", sorted(m.prohibitedEndUses()))
        .and("coversAllControlled", m.coversAllControlled()).and("items", m.items()).and("source", m.source())
        .and("confidence", m.confidence());
  }

  private static String[] sorted(Set<String> values) {
    return values.stream().sorted().toArray(String[]::new);
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
        Rows.stringSet(row, "elements"),
        Rows.stringSet(row, "forms"),
        Rows.stringSet(row, "destinations"),
        Rows.stringSet(row, "prohibited_end_uses"),
        row.getBoolean("covers_all_controlled"),
        row.getString("items"),
        row.getString("source"),
        row.getString("confidence"),
        suspensions((JsonArray) row.getValue("suspensions")));
  }

  private static List<Suspension> suspensions(JsonArray json) {
    return json.stream().map(JsonObject.class::cast).map(s -> new Suspension(
        s.getLong("id"),
        s.getString("reference"),
        LocalDate.parse(s.getString("issuedOn")),
        LocalDate.parse(s.getString("from")),
        LocalDate.parse(s.getString("until")),
        s.getString("liftedOn") == null ? null : LocalDate.parse(s.getString("liftedOn")),
        s.getString("source"),
        renewalProbability(s.getValue("renewalProbability")),
        s.getString("renewalNote"))).toList();
  }
}
