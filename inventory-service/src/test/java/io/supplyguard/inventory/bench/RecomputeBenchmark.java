package io.supplyguard.inventory.bench;

import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.store.PositionRepository;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One regime change recomputing 100,000 positions across 125 tenants, end to end: an operator
 * sets the renewal probability of a suspension of No. 18, the licence-service publishes
 * regime.changed, the inventory-service asks for the supply conditions page by page (a third of
 * the positions over two or four futures of the regime), stores every recommendation and
 * publishes the alerts.
 * The baseline, measured in the same run on the same database, is reading the same 100,000
 * positions page by page without computing anything. Writes its figures to the file named by
 * its first argument; bin/bench-recompute prints them.
 */
public final class RecomputeBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(RecomputeBenchmark.class);
  private static final int TENANTS = 125;
  private static final int SITES = 160;
  private static final String[] MATERIALS = {"dy-oxide", "tb-metal", "smco-magnet", "y-oxide", "gd-oxide"};

  private RecomputeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "recompute-benchmark.json");
    JsonObject db = TestPostgres.newDatabase().put("OUTBOX_FLUSH_MS", "50")
        .put("RECOMPUTE_PAGE_SIZE", System.getProperty("pageSize", "2000"));
    Vertx vertx = Vertx.vertx();
    try {
      durableCommits(vertx, db);
      await(TestServices.start(vertx, new LicenceService(), db, Clock.systemUTC()));
      ServiceHost inventory = await(TestServices.start(vertx, new InventoryService(), db, Clock.systemUTC()));
      Pool pool = TestPostgres.pool(vertx, db, "inventory");
      int positions = seed(pool);
      LOG.info("Seeded {} positions", positions);

      long baselineStart = System.nanoTime();
      int read = readAll(new PositionRepository(pool));
      long baselineNanos = System.nanoTime() - baselineStart;

      AtomicLong alerts = new AtomicLong();
      await(vertx.eventBus().<JsonObject>consumer(Addresses.EVENT_LOG_ALERTS, m -> {
        alerts.addAndGet(m.body().getJsonArray("alerts").size());
        m.reply(new JsonObject());
      }).completion());
      BusClient bus = new BusClient(vertx, Duration.ofSeconds(30));
      BusClient.Caller admin = new BusClient.Caller("bench", null, Role.ADMIN);
      LocalDate today = LocalDate.now();

      // First computation of every position: an amendment of No. 18 reaches all of them.
      JsonObject first = timed(vertx, () -> bus.request(Addresses.REGIME_MEASURE_AMEND,
          new JsonObject().put("id", "MOFCOM-GAC-2025-18").put("source", "benchmark"), admin));
      long firstAlerts = alerts.getAndSet(0);
      // The regime's uncertain future, set up unmeasured: No. 18 suspended until 20 days from
      // today, which ends inside the 30-day horizon of a third of the positions (the 10-day ones
      // are covered by it throughout), and a second measure on Dy and Tb suspended until 25 days
      // from today with renewal probability 0.5.
      // Each step waits for its own recompute, so that the measured one is alone.
      long s18 = settled(vertx, bus.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject()
          .put("measureId", "MOFCOM-GAC-2025-18").put("from", today.toString())
          .put("until", today.plusDays(20).toString()).put("reference", "BENCHMARK-18"), admin)).getLong("id");
      settled(vertx, bus.request(Addresses.REGIME_MEASURE_CREATE, new JsonObject().put("id", "BENCHMARK-DY-TB")
          .put("issuer", "MOFCOM").put("title", "Benchmark").put("kind", "LICENCE_REQUIRED").put("issuedOn", "2025-01-01")
          .put("inForceFrom", "2025-01-01").put("elements", new io.vertx.core.json.JsonArray().add("Dy").add("Tb"))
          .put("forms", new io.vertx.core.json.JsonArray().add("OXIDE").add("METAL")).put("source", "benchmark"), admin));
      long s2 = settled(vertx, bus.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject()
          .put("measureId", "BENCHMARK-DY-TB").put("from", today.toString())
          .put("until", today.plusDays(25).toString()).put("reference", "BENCHMARK-2"), admin)).getLong("id");
      settled(vertx, bus.request(Addresses.REGIME_SUSPENSION_RENEWAL, new JsonObject().put("measureId", "BENCHMARK-DY-TB")
          .put("suspensionId", s2).put("renewalProbability", 0.5).put("note", "benchmark"), admin));
      // The change measured: No. 18's suspension given renewal probability 0.5. Every position is
      // recomputed; the 30-day ones over two futures (four for Dy and Tb), the others over one.
      alerts.set(0);
      JsonObject change = timed(vertx, () -> bus.request(Addresses.REGIME_SUSPENSION_RENEWAL, new JsonObject()
          .put("measureId", "MOFCOM-GAC-2025-18").put("suspensionId", s18).put("renewalProbability", 0.5)
          .put("note", "benchmark"), admin));
      long stored = await(pool.query("SELECT count(*) AS n FROM recommendation WHERE condition = 'NOT_CONTROLLED'")
          .execute()).iterator().next().getLong("n");
      JsonObject futures = new JsonObject();
      for (var row : await(pool.query("SELECT json_array_length(futures::json) AS f, count(*) AS n FROM recommendation"
          + " GROUP BY 1 ORDER BY 1").execute())) {
        futures.put(row.getInteger("f") + (row.getInteger("f") == 1 ? " future" : " futures"), row.getLong("n"));
      }
      JsonObject result = new JsonObject()
          .put("positions", positions)
          .put("firstComputeSeconds", first.getDouble("seconds"))
          .put("firstComputeAlerts", firstAlerts)
          .put("recomputeSeconds", change.getDouble("seconds"))
          .put("recomputedPositions", change.getJsonObject("event").getInteger("positions"))
          .put("storedNotControlled", stored)
          .put("positionsByFutures", futures)
          .put("alertsPublished", alerts.get())
          .put("baselineReadSeconds", baselineNanos / 1e9)
          .put("baselinePositionsRead", read)
          .put("ratioToBaseline", change.getDouble("seconds") / (baselineNanos / 1e9))
          .put("phases", phases(inventory))
          .put("synchronousCommit", await(pool.query("SHOW synchronous_commit").execute()).iterator().next()
              .getString(0));
      Files.writeString(out, result.encodePrettily());
      LOG.info("Result: {}", result.encode());
    } finally {
      await(vertx.close());
    }
  }

  /**
   * The embedded PostgreSQL acknowledges commits before their WAL is flushed; a platform's must
   * not, so the services' connections to this database wait for the flush, as in production.
   */
  private static void durableCommits(Vertx vertx, JsonObject db) throws Exception {
    Pool admin = TestPostgres.pool(vertx, db);
    try {
      await(admin.query("ALTER DATABASE \"" + db.getString("PGDATABASE") + "\" SET synchronous_commit = on").execute());
    } finally {
      await(admin.close());
    }
  }

  /**
   * The reply, once the recomputes the request causes are over: a first inventory.recomputed
   * event, then none for two seconds (a change may publish more than one, a suspension starting
   * today say).
   */
  private static JsonObject settled(Vertx vertx, Future<JsonObject> request) throws Exception {
    AtomicLong last = new AtomicLong();
    MessageConsumer<JsonObject> events = vertx.eventBus().consumer(Addresses.INVENTORY_RECOMPUTED,
        m -> last.set(System.nanoTime()));
    await(events.completion());
    JsonObject reply = await(request);
    while (last.get() == 0 || System.nanoTime() - last.get() < 2_000_000_000L) {
      Thread.sleep(100);
    }
    await(events.unregister());
    return reply;
  }

  /** Seconds from the request to the inventory.recomputed event that ends the recompute it causes. */
  private static JsonObject timed(Vertx vertx, Supplier<Future<JsonObject>> change) throws Exception {
    Promise<JsonObject> finished = Promise.promise();
    MessageConsumer<JsonObject> done = vertx.eventBus().consumer(Addresses.INVENTORY_RECOMPUTED, m -> {
      if (m.body().getInteger("positions") > 0) {
        finished.tryComplete(m.body());
      }
    });
    await(done.completion());
    long start = System.nanoTime();
    JsonObject reply = await(change.get());
    JsonObject event = await(finished.future());
    double seconds = (System.nanoTime() - start) / 1e9;
    await(done.unregister());
    return new JsonObject().put("seconds", seconds).put("event", event).put("reply", reply);
  }

  /** Seconds spent in each phase of the recomputes, from the service's own /metrics. */
  private static JsonObject phases(ServiceHost host) throws Exception {
    String metrics = TestServices.scrape(host);
    JsonObject phases = new JsonObject();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "supplyguard_recompute_phase_seconds_sum\\{phase=\"(\\w+)\",service=\"inventory-service\"} ([0-9.E+-]+)")
        .matcher(metrics);
    while (m.find()) {
      phases.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return phases;
  }

  /** 125 tenants x 160 sites x 5 controlled materials, each position then computed once. */
  private static int seed(Pool pool) throws Exception {
    await(pool.query("""
        INSERT INTO site (tenant_id, id, name)
        SELECT 'tenant-' || t, 'site-' || s, 'Site ' || s FROM generate_series(1, %d) t, generate_series(1, %d) s"""
        .formatted(TENANTS, SITES)).execute());
    StringBuilder materials = new StringBuilder();
    for (String m : MATERIALS) {
      materials.append(materials.length() == 0 ? "" : ",").append('\'').append(m).append('\'');
    }
    await(pool.query("""
        INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                              lead_time_mean, lead_time_std, service_level, review_period, order_quantity,
                              end_use, destination)
        SELECT s.tenant_id, s.id, m, 600 + (random() * 900)::int, 0, 10, 4,
               CASE WHEN substr(s.id, 6)::int %% 3 = 0 THEN 30 ELSE 10 END, 5, 0.95, 0, 300, 'CIVIL', 'DE'
        FROM site s, unnest(ARRAY[%s]) m""".formatted(materials)).execute());
    // A table loaded in one statement has no planner statistics until autovacuum's next round
    // (a minute later); without them PostgreSQL sorts all 100,000 positions for every page
    // instead of walking the primary key. A platform's tables, filled over time, have them.
    await(pool.query("ANALYZE").execute());
    long count = await(pool.query("SELECT count(*) AS n FROM position").execute()).iterator().next().getLong("n");
    return (int) count;
  }

  private static int readAll(PositionRepository positions) throws Exception {
    int read = 0;
    PositionKey after = null;
    while (true) {
      var page = await(positions.page(new PositionRepository.Selection.All(), after, 2000));
      read += page.size();
      if (page.size() < 2000) {
        return read;
      }
      after = page.get(page.size() - 1).key();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Await.result(future, Duration.ofMinutes(10));
  }
}
