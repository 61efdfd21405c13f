package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.LeadTimeBranch;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.PositionStatus;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.RegimeFuture;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.buffer.SupplyCondition;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.commons.statistics.distribution.NormalDistribution;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored recommendations, written a page at a time: each as its figures and the id of the
 * determination that decided its condition, the determinations stored once each.
 */
public final class RecommendationRepository {
  private static final String FIGURES = """
      $1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::float8[], $8::float8[],
      $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::float8[],
      $16::float8[], $17::float8[], $18::float8[], $19::float8[], $20::bool[], $21::text[]""";
  private static final String COLUMNS = """
      tenant_id, site_id, material_id, as_of, condition, status, safety_stock, reorder_point, recommended_order,
      days_of_cover, z, lead_time_mean, lead_time_variance, delay_mean, delay_std, denial_probability,
      denial_delay, lead_time_demand, licensing_demand, used_alternate, determination_id""";

  // One statement per page, so one round trip and no explicit transaction: the computed rows
  // arrive as arrays, the page's few determinations are stored once each, and a status change
  // becomes an alert. Every part of a statement sees the same snapshot, so the lateral lookup
  // reads the status being replaced, before the upsert; written as a scalar subquery it probes
  // the primary key per row, where a join would hash the whole table for every page. A service
  // runs its recomputes one after another, so the previous status is not raced.
  private static final String STORE = """
      WITH computed AS (
        SELECT * FROM unnest(%s) AS x(%s)
      ), changes AS MATERIALIZED (
        SELECT c.tenant_id, c.site_id, c.material_id, c.status, c.condition, c.as_of,
               (SELECT r.status FROM recommendation r
                WHERE r.tenant_id = c.tenant_id AND r.site_id = c.site_id AND r.material_id = c.material_id) AS previous
        FROM computed c
      ), determinations AS (
        INSERT INTO determination (id, body) SELECT * FROM unnest($22::text[], $23::text[])
        ON CONFLICT (id) DO NOTHING
      ), stored AS (
        INSERT INTO recommendation (%s, computed_at)
        SELECT *, now() FROM computed
        ON CONFLICT (tenant_id, site_id, material_id) DO UPDATE SET
          as_of = EXCLUDED.as_of, condition = EXCLUDED.condition, status = EXCLUDED.status,
          safety_stock = EXCLUDED.safety_stock, reorder_point = EXCLUDED.reorder_point,
          recommended_order = EXCLUDED.recommended_order, days_of_cover = EXCLUDED.days_of_cover,
          z = EXCLUDED.z, lead_time_mean = EXCLUDED.lead_time_mean, lead_time_variance = EXCLUDED.lead_time_variance,
          delay_mean = EXCLUDED.delay_mean, delay_std = EXCLUDED.delay_std,
          denial_probability = EXCLUDED.denial_probability, denial_delay = EXCLUDED.denial_delay,
          lead_time_demand = EXCLUDED.lead_time_demand, licensing_demand = EXCLUDED.licensing_demand,
          used_alternate = EXCLUDED.used_alternate, determination_id = EXCLUDED.determination_id,
          computed_at = now()
      )
      -- A first recommendation that is OK is no news; any other change of status is.
      INSERT INTO alert (tenant_id, site_id, material_id, from_status, to_status, condition, as_of)
      SELECT tenant_id, site_id, material_id, previous, status, condition, as_of FROM changes
      WHERE previous IS DISTINCT FROM status AND (previous IS NOT NULL OR status <> 'OK')
      RETURNING id, tenant_id, site_id, material_id, from_status, to_status, condition, as_of, raised_at"""
      .formatted(FIGURES, COLUMNS, COLUMNS);

  private static final String LIST = """
      SELECT r.*, d.body AS determination FROM recommendation r
      JOIN determination d ON d.id = r.determination_id
      WHERE r.tenant_id = $1 AND ($2::text IS NULL OR r.status = $2)
      ORDER BY r.site_id, r.material_id LIMIT $3 OFFSET $4""";

  /** A recommendation as stored: for a position, as of a date, decided by a determination. */
  public record Stored(PositionKey key, LocalDate asOf, Recommendation recommendation, JsonObject determination) {
  }

  private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

  private final Pool pool;

  public RecommendationRepository(Pool pool) {
    this.pool = pool;
  }

  /** Stores the recommendations and an alert for each status they change; answers the alerts as stored. */
  public Future<List<JsonObject>> store(List<Stored> page) {
    if (page.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    int n = page.size();
    String[] tenants = new String[n];
    String[] sites = new String[n];
    String[] materials = new String[n];
    LocalDate[] asOf = new LocalDate[n];
    String[] conditions = new String[n];
    String[] statuses = new String[n];
    Double[][] figures = new Double[13][n];
    Boolean[] usedAlternate = new Boolean[n];
    String[] determinationIds = new String[n];
    // A page shares a few determinations (the same instance for every position it decides).
    Map<JsonObject, String> ids = new IdentityHashMap<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Stored s = page.get(i);
      Recommendation r = s.recommendation();
      LicensingDelay g = r.delay();
      tenants[i] = s.key().tenantId();
      sites[i] = s.key().siteId();
      materials[i] = s.key().materialId();
      asOf[i] = s.asOf();
      conditions[i] = r.condition().name();
      statuses[i] = r.status().name();
      // Version 2 in version 1's columns: z is z(alpha), the lead time's mean and variance those of
      // the mixture over the supplied branches, lead_time_demand d*(L+R) and licensing_demand the
      // risk demand E[LTD] - d*(L+R) (0 when nothing is supplied).
      Double riskDemand = r.riskDemand();
      Double[] values = {r.safetyStock(), r.reorderPoint(), r.recommendedOrder(), r.daysOfCover(),
          BufferModel.z(r.target().serviceLevel()), r.leadTimeMean(), r.leadTimeVariance(), g.meanDays(), g.stdDays(),
          g.denialProbability(), g.denialDelayDays(), r.normalLeadTimeDemand(), riskDemand == null ? 0 : riskDemand};
      for (int f = 0; f < values.length; f++) {
        figures[f][i] = values[f];
      }
      usedAlternate[i] = r.usedAlternate();
      determinationIds[i] = ids.computeIfAbsent(s.determination(), d -> {
        String body = d.encode();
        String id = contentId(body);
        bodies.put(id, body);
        return id;
      });
    }
    List<Object> params = new ArrayList<>(List.of(tenants, sites, materials, asOf, conditions, statuses));
    params.addAll(List.of(figures));
    params.add(usedAlternate);
    params.add(determinationIds);
    params.add(bodies.keySet().toArray(String[]::new));
    params.add(bodies.values().toArray(String[]::new));
    return pool.preparedQuery(STORE).execute(Tuple.from(params)).map(alerts -> Rows.list(alerts, AlertRepository::alert));
  }

  public Future<List<Stored>> list(String tenantId, String status, int limit, int offset) {
    return pool.preparedQuery(LIST).execute(Tuple.tuple().addString(tenantId).addString(status).addInteger(limit)
        .addInteger(offset)).map(rows -> Rows.list(rows, RecommendationRepository::stored));
  }

  private static Stored stored(Row row) {
    LicensingDelay delay = new LicensingDelay(row.getDouble("delay_mean"), row.getDouble("delay_std"),
        row.getDouble("denial_probability"), row.getDouble("denial_delay"));
    SupplyCondition condition = SupplyCondition.valueOf(row.getString("condition"));
    PositionStatus status = PositionStatus.valueOf(row.getString("status"));
    boolean alternate = row.getBoolean("used_alternate");
    List<LeadTimeBranch> branches = branches(condition, delay, alternate, row.getDouble("lead_time_mean"),
        row.getDouble("lead_time_variance"));
    double normal = row.getDouble("lead_time_demand");
    boolean supplied = branches.stream().anyMatch(LeadTimeBranch::supplied);
    Recommendation.Levels levels = new Recommendation.Levels(supplied ? normal + row.getDouble("licensing_demand") : null,
        normal, row.getDouble("safety_stock"), row.getDouble("reorder_point"), row.getDouble("recommended_order"),
        row.getDouble("days_of_cover"));
    // No column holds the service measure or the futures yet: a stored recommendation is read as
    // CYCLE over the one future of its condition, which is what the recompute computes today.
    Recommendation r = new Recommendation(condition, status,
        new Recommendation.Target(ServiceMeasure.CYCLE, NORMAL.cumulativeProbability(row.getDouble("z"))),
        new Recommendation.Supply(List.of(RegimeFuture.certain(condition, delay)), branches, delay, alternate),
        levels, status == PositionStatus.UNBUFFERABLE ? UNBUFFERABLE : null);
    return new Stored(new PositionKey(row.getString("tenant_id"), row.getString("site_id"),
        row.getString("material_id")), row.getLocalDate("as_of"), r, new JsonObject(row.getString("determination")));
  }

  private static final String UNBUFFERABLE =
      "The controlled path is prohibited and no alternate source is qualified: no stock level protects the line.";

  /**
   * The branches of one future, back from the mixture's mean and variance: under LICENCE_REQUIRED
   * the approved branch is p*T shorter than the mean and both carry p(1-p)T^2 less variance.
   */
  private static List<LeadTimeBranch> branches(SupplyCondition condition, LicensingDelay delay, boolean alternate,
      double mean, double variance) {
    return switch (condition) {
      case PROHIBITED -> alternate ? List.of(LeadTimeBranch.supplied(1, mean, variance))
          : List.of(LeadTimeBranch.unsupplied(1));
      case NOT_CONTROLLED, COVERED -> List.of(LeadTimeBranch.supplied(1, mean, variance));
      case LICENCE_REQUIRED -> {
        double p = delay.denialProbability();
        double t = delay.denialDelayDays();
        double approved = mean - p * t;
        double within = Math.max(0, variance - p * (1 - p) * t * t);
        yield java.util.stream.Stream.of(LeadTimeBranch.supplied(1 - p, approved, within),
            LeadTimeBranch.supplied(p, approved + t, within)).filter(b -> b.weight() > 0).toList();
      }
    };
  }

  /** The SHA-256 of a determination's JSON: the same determination always gets the same id. */
  private static String contentId(String body) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
