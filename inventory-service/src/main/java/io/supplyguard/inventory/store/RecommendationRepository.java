package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.buffer.BufferModel;
import io.supplyguard.inventory.buffer.LeadTimeBranch;
import io.supplyguard.inventory.buffer.LicensingDelay;
import io.supplyguard.inventory.buffer.PositionStatus;
import io.supplyguard.inventory.buffer.Recommendation;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.buffer.SupplyCondition;
import io.supplyguard.inventory.position.PositionKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
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
  /**
   * The buffer model the stored figures come from (docs/buffer-model.md). Recommendations of an
   * older model are stale: the service recomputes them at start ({@code PositionRepository}'s STALE).
   */
  public static final int MODEL_VERSION = 2;
  // Each array parameter is named after its column (camelCase).
  private static final String FIGURES = """
      #{tenantId}::text[], #{siteId}::text[], #{materialId}::text[], #{asOf}::date[], #{condition}::text[],
      #{status}::text[], #{safetyStock}::float8[], #{reorderPoint}::float8[], #{recommendedOrder}::float8[],
      #{daysOfCover}::float8[], #{z}::float8[], #{leadTimeMean}::float8[], #{leadTimeVariance}::float8[],
      #{delayMean}::float8[], #{delayStd}::float8[], #{denialProbability}::float8[], #{denialDelay}::float8[],
      #{leadTimeDemand}::float8[], #{licensingDemand}::float8[], #{usedAlternate}::bool[],
      #{determinationId}::text[], #{serviceMeasure}::text[], #{serviceLevel}::float8[], #{futures}::text[],
      #{branches}::text[], #{unbufferableReason}::text[]""";
  /** The figures' parameters, in the order {@link #store} computes them. */
  private static final String[] FIGURE_NAMES = {"safetyStock", "reorderPoint", "recommendedOrder", "daysOfCover",
      "z", "leadTimeMean", "leadTimeVariance", "delayMean", "delayStd", "denialProbability", "denialDelay",
      "leadTimeDemand", "licensingDemand"};
  private static final String COLUMNS = """
      tenant_id, site_id, material_id, as_of, condition, status, safety_stock, reorder_point, recommended_order,
      days_of_cover, z, lead_time_mean, lead_time_variance, delay_mean, delay_std, denial_probability,
      denial_delay, lead_time_demand, licensing_demand, used_alternate, determination_id, service_measure,
      service_level, futures, branches, unbufferable_reason""";

  // One statement per page: the computed rows arrive as arrays and the page's few
  // determinations are stored once each. AlertRepository.raise reads the statuses it replaces
  // first, in the same transaction.
  private static final NamedSql STORE = NamedSql.of("""
      WITH computed AS (
        SELECT * FROM unnest(%s) AS x(%s)
      ), determinations AS (
        INSERT INTO determination (id, body) SELECT * FROM unnest(#{newDeterminationId}::text[],
                                                                  #{newDeterminationBody}::text[])
        ON CONFLICT (id) DO NOTHING
      )
      INSERT INTO recommendation (%s, computed_at, model_version)
      SELECT *, now(), %d FROM computed
      ON CONFLICT (tenant_id, site_id, material_id) DO UPDATE SET
        as_of = EXCLUDED.as_of, condition = EXCLUDED.condition, status = EXCLUDED.status,
        safety_stock = EXCLUDED.safety_stock, reorder_point = EXCLUDED.reorder_point,
        recommended_order = EXCLUDED.recommended_order, days_of_cover = EXCLUDED.days_of_cover,
        z = EXCLUDED.z, lead_time_mean = EXCLUDED.lead_time_mean, lead_time_variance = EXCLUDED.lead_time_variance,
        delay_mean = EXCLUDED.delay_mean, delay_std = EXCLUDED.delay_std,
        denial_probability = EXCLUDED.denial_probability, denial_delay = EXCLUDED.denial_delay,
        lead_time_demand = EXCLUDED.lead_time_demand, licensing_demand = EXCLUDED.licensing_demand,
        used_alternate = EXCLUDED.used_alternate, determination_id = EXCLUDED.determination_id,
        service_measure = EXCLUDED.service_measure, service_level = EXCLUDED.service_level,
        futures = EXCLUDED.futures, branches = EXCLUDED.branches,
        unbufferable_reason = EXCLUDED.unbufferable_reason, model_version = EXCLUDED.model_version,
        computed_at = now()"""
      .formatted(FIGURES, COLUMNS, COLUMNS, MODEL_VERSION));

  private static final NamedSql LIST = NamedSql.of("""
      SELECT r.*, d.body AS determination FROM recommendation r
      JOIN determination d ON d.id = r.determination_id
      WHERE r.tenant_id = #{tenantId} AND (#{status}::text IS NULL OR r.status = #{status}) AND r.model_version = %d
      ORDER BY r.site_id, r.material_id LIMIT #{limit} OFFSET #{offset}""".formatted(MODEL_VERSION));

  /** A recommendation as stored: for a position, as of a date, decided by a determination. */
  public record Stored(PositionKey key, LocalDate asOf, Recommendation recommendation, JsonObject determination) {
  }


  private RecommendationRepository() {
  }

  /** Stores the recommendations, through {@code client} (a transaction that raised their alerts first). */
  public static Future<Void> store(SqlClient client, List<Stored> page) {
    if (page.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = page.size();
    String[] tenants = new String[n];
    String[] sites = new String[n];
    String[] materials = new String[n];
    LocalDate[] asOf = new LocalDate[n];
    String[] conditions = new String[n];
    String[] statuses = new String[n];
    Double[][] figures = new Double[FIGURE_NAMES.length][n];
    Boolean[] usedAlternate = new Boolean[n];
    String[] determinationIds = new String[n];
    String[] measures = new String[n];
    Double[] serviceLevels = new Double[n];
    String[] futures = new String[n];
    String[] branches = new String[n];
    String[] reasons = new String[n];
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
      measures[i] = r.serviceMeasure().name();
      serviceLevels[i] = r.target().serviceLevel();
      futures[i] = SupplyColumns.futures(r.futures());
      branches[i] = SupplyColumns.branches(r.branches());
      reasons[i] = r.unbufferableReason();
      determinationIds[i] = ids.computeIfAbsent(s.determination(), d -> {
        String body = d.encode();
        String id = contentId(body);
        bodies.put(id, body);
        return id;
      });
    }
    SqlParams params = SqlParams.with("tenantId", tenants).and("siteId", sites).and("materialId", materials)
        .and("asOf", asOf).and("condition", conditions).and("status", statuses).and("usedAlternate", usedAlternate)
        .and("determinationId", determinationIds).and("serviceMeasure", measures).and("serviceLevel", serviceLevels)
        .and("futures", futures).and("branches", branches).and("unbufferableReason", reasons)
        .and("newDeterminationId", bodies.keySet().toArray(String[]::new))
        .and("newDeterminationBody", bodies.values().toArray(String[]::new));
    for (int f = 0; f < FIGURE_NAMES.length; f++) {
      params.and(FIGURE_NAMES[f], figures[f]);
    }
    return STORE.execute(client, params).mapEmpty();
  }

  public static Future<List<Stored>> list(SqlClient client, String tenantId, String status, int limit, int offset) {
    return LIST.execute(client, SqlParams.with("tenantId", tenantId).and("status", status).and("limit", limit)
        .and("offset", offset)).map(rows -> Rows.list(rows, RecommendationRepository::stored));
  }

  private static Stored stored(Row row) {
    LicensingDelay delay = new LicensingDelay(row.getDouble("delay_mean"), row.getDouble("delay_std"),
        row.getDouble("denial_probability"), row.getDouble("denial_delay"));
    SupplyCondition condition = SupplyCondition.valueOf(row.getString("condition"));
    PositionStatus status = PositionStatus.valueOf(row.getString("status"));
    List<LeadTimeBranch> branches = SupplyColumns.branches(row.getString("branches"));
    double normal = row.getDouble("lead_time_demand");
    boolean supplied = branches.stream().anyMatch(LeadTimeBranch::supplied);
    Recommendation.Levels levels = new Recommendation.Levels(supplied ? normal + row.getDouble("licensing_demand") : null,
        normal, row.getDouble("safety_stock"), row.getDouble("reorder_point"), row.getDouble("recommended_order"),
        row.getDouble("days_of_cover"));
    Recommendation r = new Recommendation(condition, status,
        new Recommendation.Target(ServiceMeasure.valueOf(row.getString("service_measure")),
            row.getDouble("service_level")),
        new Recommendation.Supply(SupplyColumns.futures(row.getString("futures")), branches, delay,
            row.getBoolean("used_alternate")),
        levels, row.getString("unbufferable_reason"));
    return new Stored(new PositionKey(row.getString("tenant_id"), row.getString("site_id"),
        row.getString("material_id")), row.getLocalDate("as_of"), r, new JsonObject(row.getString("determination")));
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
