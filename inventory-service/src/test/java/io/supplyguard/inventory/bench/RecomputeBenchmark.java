package io.supplyguard.inventory.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supplyguard.common.bootstrap.ServiceHost;
import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.config.ConfigLoader;
import io.supplyguard.common.ops.Metrics;
import io.supplyguard.common.testing.Await;
import io.supplyguard.common.testing.TestPostgres;
import io.supplyguard.common.testing.TestServices;
import io.supplyguard.inventory.InventoryService;
import io.supplyguard.licence.LicenceService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One regime change recomputing N positions (100 per tenant: 20 sites x 5 controlled materials)
 * with R inventory-service replicas, end to end: an operator sets the renewal probability of a
 * suspension of No. 18, the licence-service publishes regime.changed, the inventory replicas ask
 * for the supply conditions (a third of the positions over two or four futures of the regime),
 * store every recommendation and the alerts of the statuses that change, and deliver the alerts.
 *
 * <p>The replicas are R deployments of {@link InventoryService} in this JVM and Vert.x, each with
 * its own metrics registry, on one PostgreSQL database; the licence-service is in the same JVM.
 * The baseline, measured in the same run on the same database, is reading the same positions
 * page by page (2,000 at a time, in key order, with their materials) with plain SQL, computing
 * nothing.
 *
 * <p>The change is over when every replica has finished with it: no recompute phase timer of any
 * replica has moved, and no {@code inventory.recomputed} or {@code inventory.alert} has arrived,
 * for {@link #QUIET}; its end is the last of those. This holds whether the replicas take turns
 * over the whole change (each publishing its own {@code inventory.recomputed}) or share its parts.
 * The time per phase is the sum of the {@code supplyguard.recompute.phase} timers over every
 * replica, whatever phases exist; phases overlap (pages are pipelined, replicas run side by
 * side), so their sum is not the wall time, and shares are of that sum.
 *
 * <p>Arguments: the JSON file to write, the number of positions (a multiple of 100), the number of
 * replicas. bin/bench-recompute runs one JVM per size and replica count and prints the table.
 */
public final class RecomputeBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(RecomputeBenchmark.class);
  private static final int SITES = 20;
  private static final String[] MATERIALS = {"dy-oxide", "tb-metal", "smco-magnet", "y-oxide", "gd-oxide"};
  private static final int POSITIONS_PER_TENANT = SITES * MATERIALS.length;
  private static final int PAGE = 2000;
  private static final String PHASE = "supplyguard.recompute.phase";
  /** Phases a replica may record while idle (polling for work or for alerts to deliver): not a sign of work. */
  private static final Set<String> IDLE_PHASES = Set.of("claim", "deliver_alerts");
  private static final Duration QUIET = Duration.ofSeconds(3);
  private static final Duration SETUP_QUIET = Duration.ofMillis(1500);
  /** Positions computed, in all, before the change measured (the first computation included). */
  private static final double WARM_UP = Double.parseDouble(System.getProperty("warmUpPositions", "100000"));

  private RecomputeBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "recompute-benchmark.json");
    int positions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int replicas = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    if (positions % POSITIONS_PER_TENANT != 0 || replicas < 1) {
      throw new IllegalArgumentException("positions must be a multiple of " + POSITIONS_PER_TENANT
          + " and replicas at least 1: " + positions + ", " + replicas);
    }
    int tenants = positions / POSITIONS_PER_TENANT;
    Heap heap = new Heap();
    JsonObject db = TestPostgres.newDatabase().put("OUTBOX_FLUSH_MS", "50")
        .put("RECOMPUTE_PAGE_SIZE", System.getProperty("pageSize", String.valueOf(PAGE)));
    Vertx vertx = Vertx.vertx();
    try {
      durableCommits(vertx, db);
      await(TestServices.start(vertx, new LicenceService(), db, Clock.systemUTC()));
      // One replica computes the positions first and warms up; the others join before the change measured.
      List<PrometheusMeterRegistry> registries = new CopyOnWriteArrayList<>();
      registries.add(startInventory(vertx, db));
      Activity activity = new Activity(vertx, registries);
      Pool pool = TestPostgres.pool(vertx, db, "inventory");
      BusClient bus = new BusClient(vertx, Duration.ofSeconds(30));
      BusClient.Caller admin = new BusClient.Caller("bench", null, Role.ADMIN);
      LocalDate today = LocalDate.now();

      // The regime's uncertain future, set up before any position exists, so that it costs no
      // recompute: No. 18 suspended until 20 days from today, which ends inside the 30-day horizon
      // of a third of the positions (the 10-day ones are covered by it throughout), and a second
      // measure on Dy and Tb suspended until 25 days from today with renewal probability 0.5.
      long s18 = setUp(activity, bus.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject()
          .put("measureId", "MOFCOM-GAC-2025-18").put("from", today.toString())
          .put("until", today.plusDays(20).toString()).put("reference", "BENCHMARK-18"), admin)).getLong("id");
      setUp(activity, bus.request(Addresses.REGIME_MEASURE_CREATE, new JsonObject().put("id", "BENCHMARK-DY-TB")
          .put("issuer", "MOFCOM").put("title", "Benchmark").put("kind", "LICENCE_REQUIRED").put("issuedOn", "2025-01-01")
          .put("inForceFrom", "2025-01-01").put("elements", new JsonArray().add("Dy").add("Tb"))
          .put("forms", new JsonArray().add("OXIDE").add("METAL")).put("source", "benchmark"), admin));
      long s2 = setUp(activity, bus.request(Addresses.REGIME_SUSPENSION_ADD, new JsonObject()
          .put("measureId", "BENCHMARK-DY-TB").put("from", today.toString())
          .put("until", today.plusDays(25).toString()).put("reference", "BENCHMARK-2"), admin)).getLong("id");
      setUp(activity, bus.request(Addresses.REGIME_SUSPENSION_RENEWAL, new JsonObject()
          .put("measureId", "BENCHMARK-DY-TB").put("suspensionId", s2).put("renewalProbability", 0.5)
          .put("note", "benchmark"), admin));

      long seedStart = System.nanoTime();
      int seeded = seed(pool, tenants);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      LOG.info("Seeded {} positions across {} tenants in {} s", seeded, tenants, seedSeconds);

      long baselineStart = System.nanoTime();
      int read = readAll(pool);
      double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;

      heap.startSampling();
      // First computation of every position: an amendment of No. 18 reaches all of them.
      Run first = activity.run(() -> bus.request(Addresses.REGIME_MEASURE_AMEND,
          new JsonObject().put("id", "MOFCOM-GAC-2025-18").put("source", "benchmark"), admin), QUIET, true);
      JsonObject heapFirst = heap.stopSampling();
      // Warm-up, the same for every size: the same amendment again until the first replica has
      // computed at least WARM_UP positions in all, so that a small size is not measured with the
      // JIT compiler still at work while a large one is measured warm.
      int warmUps = 0;
      double warmedUp = first.positionsComputed();
      while (warmedUp < WARM_UP && warmUps < 50) {
        Run again = activity.run(() -> bus.request(Addresses.REGIME_MEASURE_AMEND,
            new JsonObject().put("id", "MOFCOM-GAC-2025-18").put("source", "benchmark warm-up"), admin),
            SETUP_QUIET, true);
        warmedUp += again.positionsComputed();
        warmUps++;
      }
      for (int i = 1; i < replicas; i++) {
        // A replica recomputes the positions computed before today at start: none here, but it
        // reads to find out; the change waits until it has.
        activity.run(() -> {
          try {
            registries.add(startInventory(vertx, db));
          } catch (Exception e) {
            return Future.failedFuture(e);
          }
          return Future.succeededFuture(new JsonObject());
        }, SETUP_QUIET, true);
      }
      heap.reset();
      double[] load = loadAverage();
      // The change measured: No. 18's suspension given renewal probability 0.5. Every position is
      // recomputed; the 30-day ones over two futures (four for Dy and Tb), the others over one.
      Run change = activity.run(() -> bus.request(Addresses.REGIME_SUSPENSION_RENEWAL, new JsonObject()
          .put("measureId", "MOFCOM-GAC-2025-18").put("suspensionId", s18).put("renewalProbability", 0.5)
          .put("note", "benchmark"), admin), QUIET, true);
      JsonObject heapChange = heap.snapshot();
      double[] loadAfter = loadAverage();

      long notControlled = await(pool.query("SELECT count(*) AS n FROM recommendation WHERE condition = 'NOT_CONTROLLED'")
          .execute()).iterator().next().getLong("n");
      JsonObject futures = new JsonObject();
      for (Row row : await(pool.query("SELECT json_array_length(futures::json) AS f, count(*) AS n FROM recommendation"
          + " GROUP BY 1 ORDER BY 1").execute())) {
        futures.put(row.getInteger("f") + (row.getInteger("f") == 1 ? " future" : " futures"), row.getLong("n"));
      }
      JsonObject result = new JsonObject()
          .put("positions", seeded)
          .put("tenants", tenants)
          .put("replicas", replicas)
          .put("seedSeconds", seedSeconds)
          .put("baselineReadSeconds", baselineSeconds)
          .put("baselinePositionsRead", read)
          .put("firstCompute", first.json(seeded))
          .put("warmUpRecomputes", warmUps)
          .put("warmUpPositions", warmedUp)
          .put("recompute", change.json(seeded))
          .put("recomputeSeconds", change.seconds())
          .put("microsPerPosition", change.seconds() * 1e6 / seeded)
          .put("ratioToBaseline", change.seconds() / baselineSeconds)
          .put("storedNotControlled", notControlled)
          .put("positionsByFutures", futures)
          .put("heap", new JsonObject().put("maxHeapMiB", mib(Runtime.getRuntime().maxMemory()))
              .put("firstCompute", heapFirst).put("recompute", heapChange))
          // The machine is shared: its load average (1 minute) before and after the change measured.
          .put("loadAverage", new JsonArray().add(load[0]).add(loadAfter[0]))
          .put("synchronousCommit", await(pool.query("SHOW synchronous_commit").execute()).iterator().next()
              .getString(0));
      Files.writeString(out, result.encodePrettily());
      LOG.info("Result: {}", result.encode());
      activity.close();
    } finally {
      await(vertx.close());
    }
  }

  /** One inventory-service replica, as TestServices starts a service, with its registry kept to read its timers. */
  private static PrometheusMeterRegistry startInventory(Vertx vertx, JsonObject db) throws Exception {
    JsonObject settings = new JsonObject().put("MANAGEMENT_HOST", "127.0.0.1").put("MANAGEMENT_PORT", "0").mergeIn(db);
    InventoryService service = new InventoryService();
    var loaded = await(ConfigLoader.load(vertx, service.name(), settings));
    PrometheusMeterRegistry registry = Metrics.registry(loaded.string("SERVICE_NAME"));
    await(ServiceHost.start(vertx, service, loaded, registry, Clock.systemUTC(), Map.of()));
    return registry;
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

  /** The reply to a change made before the positions exist, once the (empty) recomputes it causes are over. */
  private static JsonObject setUp(Activity activity, Future<JsonObject> request) throws Exception {
    return activity.run(() -> request, SETUP_QUIET, false).reply();
  }

  /**
   * {@code tenants} x 20 sites x 5 controlled materials. A third of the positions (by a running
   * number over tenants and sites) have a lead time of 30 days, the others 10.
   */
  private static int seed(Pool pool, int tenants) throws Exception {
    await(pool.query("""
        INSERT INTO site (tenant_id, id, name)
        SELECT 'tenant-' || t, 'site-' || s, 'Site ' || s FROM generate_series(1, %d) t, generate_series(1, %d) s"""
        .formatted(tenants, SITES)).execute());
    StringBuilder materials = new StringBuilder();
    for (String m : MATERIALS) {
      materials.append(materials.length() == 0 ? "" : ",").append('\'').append(m).append('\'');
    }
    await(pool.query("""
        INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                              lead_time_mean, lead_time_std, service_level, review_period, order_quantity,
                              end_use, destination)
        SELECT s.tenant_id, s.id, m, 600 + (random() * 900)::int, 0, 10, 4,
               CASE WHEN (substr(s.tenant_id, 8)::int * %d + substr(s.id, 6)::int) %% 3 = 0 THEN 30 ELSE 10 END,
               5, 0.95, 0, 300, 'CIVIL', 'DE'
        FROM site s, unnest(ARRAY[%s]) m""".formatted(SITES, materials)).execute());
    // A table loaded in one statement has no planner statistics until autovacuum's next round
    // (a minute later); without them PostgreSQL sorts all the positions for every page instead
    // of walking the primary key. A platform's tables, filled over time, have them.
    await(pool.query("ANALYZE").execute());
    return (int) (long) await(pool.query("SELECT count(*) AS n FROM position").execute()).iterator().next().getLong("n");
  }

  /**
   * The baseline: every position with its material, 2,000 at a time in key order, each value
   * touched. Plain SQL, the query shape of the inventory's own paging, so that the baseline
   * stays the same whatever the repository becomes.
   */
  private static int readAll(Pool pool) throws Exception {
    String first = """
        SELECT p.*, m.elements, m.form FROM position p JOIN material m ON m.id = p.material_id
        ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT $1""";
    String next = """
        SELECT p.*, m.elements, m.form FROM position p JOIN material m ON m.id = p.material_id
        WHERE (p.tenant_id, p.site_id, p.material_id) > ($1, $2, $3)
        ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT $4""";
    int read = 0;
    long touched = 0;
    Row last = null;
    while (true) {
      RowSet<Row> page = last == null ? await(pool.preparedQuery(first).execute(Tuple.of(PAGE)))
          : await(pool.preparedQuery(next).execute(Tuple.of(last.getString("tenant_id"), last.getString("site_id"),
              last.getString("material_id"), PAGE)));
      for (Row row : page) {
        for (int i = 0; i < row.size(); i++) {
          touched += row.getValue(i) == null ? 0 : 1;
        }
        last = row;
        read++;
      }
      if (page.size() < PAGE) {
        LOG.debug("Baseline touched {} values", touched);
        return read;
      }
    }
  }

  private static double[] loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    } catch (Exception e) {
      return new double[] {-1, -1};
    }
  }

  private static double mib(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return Await.result(future, Duration.ofMinutes(20));
  }

  /** What one change cost, from its request to the end of the last replica's work on it. */
  private record Run(double seconds, double firstEventSeconds, JsonObject reply, List<JsonObject> events,
      long alerts, Map<String, double[]> phases, List<Double> positionsByReplica) {

    /** Positions computed by every replica in all: by their own count, or failing that by their events'. */
    double positionsComputed() {
      double counted = positionsByReplica.stream().mapToDouble(Double::doubleValue).sum();
      return counted > 0 ? counted : events.stream().mapToDouble(e -> e.getInteger("positions", 0)).sum();
    }

    JsonObject json(int positions) {
      JsonObject phaseSeconds = new JsonObject();
      JsonObject phaseCounts = new JsonObject();
      double sum = phases.values().stream().mapToDouble(p -> p[0]).sum();
      JsonObject shares = new JsonObject();
      phases.forEach((phase, p) -> {
        phaseSeconds.put(phase, p[0]);
        phaseCounts.put(phase, (long) p[1]);
        shares.put(phase, sum == 0 ? 0 : p[0] / sum);
      });
      return new JsonObject().put("seconds", seconds).put("microsPerPosition", seconds * 1e6 / positions)
          .put("firstRecomputedEventSeconds", firstEventSeconds)
          .put("recomputedEvents", new JsonArray(new ArrayList<>(events)))
          .put("positionsRecomputedByReplica", new JsonArray(new ArrayList<>(positionsByReplica)))
          .put("alertsDelivered", alerts)
          .put("phaseSeconds", phaseSeconds).put("phaseCounts", phaseCounts).put("phaseSecondsSum", sum)
          .put("phaseShares", shares);
    }
  }

  /**
   * Watches what the replicas do: the {@code inventory.recomputed} events, the alerts delivered
   * on {@code inventory.alert} (answered, should they be sent as requests awaiting an
   * acknowledgement), and every replica's recompute timers, polled every 10 ms.
   */
  private static final class Activity {
    private final List<PrometheusMeterRegistry> registries;
    private final MessageConsumer<JsonObject> recomputed;
    private final MessageConsumer<JsonObject> alertConsumer;
    private final List<long[]> eventTimes = new CopyOnWriteArrayList<>();
    private final List<JsonObject> events = new CopyOnWriteArrayList<>();
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong lastAlert = new AtomicLong();
    private final AtomicLong lastWork = new AtomicLong();
    private final Thread poller;
    private volatile boolean polling = true;

    Activity(Vertx vertx, List<PrometheusMeterRegistry> registries) throws Exception {
      this.registries = registries;
      recomputed = vertx.eventBus().consumer(Addresses.INVENTORY_RECOMPUTED, m -> {
        long now = System.nanoTime();
        events.add(m.body().copy());
        eventTimes.add(new long[] {now});
      });
      // Plays the gateway's event log: the replicas' alert outboxes deliver here.
      alertConsumer = vertx.eventBus().consumer(Addresses.EVENT_LOG_ALERTS, m -> {
        int delivered = m.body().getJsonArray("alerts").size();
        alerts.addAndGet(delivered);
        lastAlert.set(System.nanoTime());
        m.reply(new JsonObject().put("appended", delivered));
      });
      await(Future.all(recomputed.completion(), alertConsumer.completion()));
      poller = new Thread(this::poll, "bench-activity");
      poller.setDaemon(true);
      poller.start();
    }

    private void poll() {
      long seen = -1;
      while (polling) {
        long work = workCount();
        if (work != seen) {
          seen = work;
          lastWork.set(System.nanoTime());
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** How many times any replica has recorded a phase of work, or finished a recompute. */
    private long workCount() {
      long n = 0;
      for (PrometheusMeterRegistry registry : registries) {
        for (Timer timer : registry.find(PHASE).timers()) {
          if (!IDLE_PHASES.contains(timer.getId().getTag("phase"))) {
            n += timer.count();
          }
        }
        Timer whole = registry.find("supplyguard.recompute").timer();
        n += whole == null ? 0 : whole.count();
      }
      return n;
    }

    /** Every phase's summed seconds and count, over all replicas. */
    private Map<String, double[]> phases() {
      Map<String, double[]> phases = new TreeMap<>();
      for (PrometheusMeterRegistry registry : registries) {
        for (Timer timer : registry.find(PHASE).timers()) {
          double[] p = phases.computeIfAbsent(timer.getId().getTag("phase"), k -> new double[2]);
          p[0] += timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
          p[1] += timer.count();
        }
      }
      return phases;
    }

    /**
     * The positions each replica stored: its share of the work. (The size of each recompute,
     * {@code supplyguard.recompute.positions}, is recorded by the replica that finishes it.)
     */
    private List<Double> positionsByReplica() {
      List<Double> byReplica = new ArrayList<>();
      for (PrometheusMeterRegistry registry : registries) {
        Counter stored = registry.find("supplyguard.recompute.stored.positions").counter();
        byReplica.add(stored == null ? 0 : stored.count());
      }
      return byReplica;
    }

    /**
     * Sends the change and waits until the work it causes is over: at least one
     * {@code inventory.recomputed} since (when {@code recomputes}), then nothing for {@code quiet}.
     */
    Run run(java.util.function.Supplier<Future<JsonObject>> change, Duration quiet, boolean recomputes)
        throws Exception {
      int eventsBefore = events.size();
      long alertsBefore = alerts.get();
      Map<String, double[]> phasesBefore = phases();
      List<Double> positionsBefore = positionsByReplica();
      long start = System.nanoTime();
      lastWork.set(start);
      lastAlert.set(start);
      JsonObject reply = await(change.get());
      long deadline = start + Duration.ofMinutes(20).toNanos();
      while (true) {
        long lastEvent = events.size() > eventsBefore ? eventTimes.get(eventTimes.size() - 1)[0] : 0;
        long last = Math.max(lastEvent, Math.max(lastWork.get(), lastAlert.get()));
        long now = System.nanoTime();
        // A change that causes no inventory.recomputed within a minute (a replica's start, should it
        // not recompute at start) is over once quiet.
        boolean evented = lastEvent != 0 || !recomputes || (quiet == SETUP_QUIET && now - start > 60_000_000_000L);
        if (evented && now - last >= quiet.toNanos()) {
          Map<String, double[]> phasesAfter = phases();
          phasesAfter.forEach((phase, p) -> {
            double[] before = phasesBefore.getOrDefault(phase, new double[2]);
            p[0] -= before[0];
            p[1] -= before[1];
          });
          List<Double> positionsAfter = positionsByReplica();
          for (int i = 0; i < positionsAfter.size(); i++) {
            positionsAfter.set(i, positionsAfter.get(i) - (i < positionsBefore.size() ? positionsBefore.get(i) : 0));
          }
          List<JsonObject> these = new ArrayList<>();
          for (int i = eventsBefore; i < events.size(); i++) {
            these.add(events.get(i).copy().put("atSeconds", (eventTimes.get(i)[0] - start) / 1e9));
          }
          double firstEvent = events.size() > eventsBefore ? (eventTimes.get(eventsBefore)[0] - start) / 1e9 : 0;
          return new Run((last - start) / 1e9, firstEvent, reply, these, alerts.get() - alertsBefore, phasesAfter,
              positionsAfter);
        }
        if (now > deadline) {
          throw new IllegalStateException("the change's recompute did not end within 20 minutes");
        }
        Thread.sleep(20);
      }
    }

    void close() throws Exception {
      polling = false;
      poller.interrupt();
      await(Future.all(recomputed.unregister(), alertConsumer.unregister()));
    }
  }

  /**
   * The heap: its peak use (the sum of each heap pool's peak, garbage included, so bounded by
   * the heap's size rather than by what is live) and the most it held just after a collection
   * (what was live, near enough: the figure that grows if something holds every position).
   */
  private static final class Heap {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    Heap() {
      for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
              (CompositeData) notification.getUserData());
          long used = 0;
          for (var pool : pools) {
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            used += after == null ? 0 : after.getUsed();
          }
          maxAfterGc.accumulateAndGet(used, Math::max);
          collections.incrementAndGet();
        }, null, null);
      }
    }

    private volatile Thread sampler;
    private final AtomicLong maxLive = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    /**
     * Samples what is live: a full collection every five seconds (and one as the first
     * computation starts), and the heap used after it. Only while the first computation runs,
     * whose time is then not comparable (the change measured runs without it).
     */
    void startSampling() {
      reset();
      maxLive.set(0);
      samples.set(0);
      Thread thread = new Thread(() -> {
        while (sampler == Thread.currentThread()) {
          System.gc();
          maxLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          samples.incrementAndGet();
          try {
            Thread.sleep(5000);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "bench-live-heap");
      thread.setDaemon(true);
      sampler = thread;
      thread.start();
    }

    JsonObject stopSampling() throws InterruptedException {
      Thread thread = sampler;
      sampler = null;
      thread.interrupt();
      thread.join();
      return snapshot().put("liveMiB", mib(maxLive.get())).put("liveSamples", samples.get());
    }

    void reset() {
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      maxAfterGc.set(0);
      collections.set(0);
    }

    JsonObject snapshot() {
      long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      return new JsonObject().put("peakUsedMiB", mib(peak)).put("maxAfterGcMiB", mib(maxAfterGc.get()))
          .put("collections", collections.get());
    }
  }
}
