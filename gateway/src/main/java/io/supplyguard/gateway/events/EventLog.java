package io.supplyguard.gateway.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every statement on the event log (table {@code event}). */
public final class EventLog {
  /** The channel every replica LISTENs on; a commit that appended events NOTIFYs it. */
  public static final String CHANNEL = "supplyguard_gateway_events";

  /**
   * Serialises appends across replicas, so that ids are committed in the order they are
   * allocated (see V10). An arbitrary constant, unique among the gateway's advisory locks.
   */
  private static final String LOCK = "SELECT pg_advisory_xact_lock(5301100)";
  private static final String APPEND = """
      INSERT INTO event (source_key, tenant_id, type, payload)
      SELECT source_key, tenant_id::uuid, type, payload::jsonb
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
        AS x(source_key, tenant_id, type, payload, n)
      ORDER BY n
      ON CONFLICT (source_key) DO NOTHING
      RETURNING id""";
  private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";
  private static final String AFTER = """
      SELECT id, type, tenant_id, payload, created_at FROM event
      WHERE id > $1 AND ($2::uuid IS NULL OR tenant_id = $2::uuid OR tenant_id IS NULL)
      ORDER BY id LIMIT $3""";
  private static final String LATEST = "SELECT coalesce(max(id), 0) AS id FROM event";
  private static final String PURGE = "DELETE FROM event WHERE created_at < now() - make_interval(days => $1)";

  /** Work done in the transaction that appended events, with the ids it appended. */
  @FunctionalInterface
  public interface OnAppend {
    Future<Void> apply(SqlConnection transaction, List<Long> appendedIds);
  }

  private final Pool pool;
  private final OnAppend onAppend;

  public EventLog(Pool pool, OnAppend onAppend) {
    this.pool = pool;
    this.onAppend = onAppend;
  }

  /** Appends the events another replica has not appended already; answers how many were new. */
  public Future<Integer> append(List<NewEvent> events) {
    int size = events.size();
    String[] keys = new String[size];
    String[] tenants = new String[size];
    String[] types = new String[size];
    String[] payloads = new String[size];
    for (int i = 0; i < size; i++) {
      NewEvent event = events.get(i);
      keys[i] = event.sourceKey();
      tenants[i] = event.tenantId();
      types[i] = event.type();
      payloads[i] = event.payload().encode();
    }
    return pool.withTransaction(tx -> tx.query(LOCK).execute()
        .compose(locked -> tx.preparedQuery(APPEND).execute(Tuple.of(keys, tenants, types, payloads)))
        .compose(rows -> {
          List<Long> ids = ids(rows);
          if (ids.isEmpty()) {
            return Future.succeededFuture(0);
          }
          return onAppend.apply(tx, ids)
              .compose(v -> tx.query(NOTIFY).execute())
              .map(ids.size());
        }));
  }

  /** The events after {@code afterId} that {@code tenantId} may see (all of them when null), in id order. */
  public Future<List<ChangeEvent>> after(long afterId, String tenantId, int limit) {
    UUID tenant = tenantId == null ? null : UUID.fromString(tenantId);
    return pool.preparedQuery(AFTER).execute(Tuple.tuple().addLong(afterId).addUUID(tenant).addInteger(limit)).map(rows -> {
      List<ChangeEvent> events = new ArrayList<>(rows.size());
      for (Row row : rows) {
        UUID owner = row.getUUID("tenant_id");
        events.add(new ChangeEvent(row.getLong("id"), row.getString("type"), owner == null ? null : owner.toString(),
            (JsonObject) row.getJson("payload"), row.getOffsetDateTime("created_at").toInstant()));
      }
      return events;
    });
  }

  /** The id of the newest event: a stream that starts without Last-Event-ID starts after it. */
  public Future<Long> latestId() {
    return pool.query(LATEST).execute().map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Deletes the events older than {@code days}, with their deliveries; answers how many. */
  public Future<Integer> purgeOlderThan(int days) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(days)).map(RowSet::rowCount);
  }

  private static List<Long> ids(RowSet<Row> rows) {
    List<Long> ids = new ArrayList<>(rows.size());
    rows.forEach(row -> ids.add(row.getLong("id")));
    return ids;
  }
}
