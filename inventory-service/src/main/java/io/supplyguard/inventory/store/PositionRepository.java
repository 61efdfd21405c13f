package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.inventory.buffer.AlternateSource;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on stock positions. Positions to recompute are read a page at a time in key
 * order, so that a change reaching 100,000 positions never holds them all in memory.
 */
public final class PositionRepository {
  private static final String UPSERT = """
      INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                            lead_time_mean, lead_time_std, service_level, review_period, order_quantity, end_use,
                            destination, alternate_lead_time_mean, alternate_lead_time_std, service_measure,
                            consignee, updated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, now())
      ON CONFLICT (tenant_id, site_id, material_id) DO UPDATE SET
        on_hand = EXCLUDED.on_hand, on_order = EXCLUDED.on_order, demand_mean = EXCLUDED.demand_mean,
        demand_std = EXCLUDED.demand_std, lead_time_mean = EXCLUDED.lead_time_mean,
        lead_time_std = EXCLUDED.lead_time_std, service_level = EXCLUDED.service_level,
        review_period = EXCLUDED.review_period, order_quantity = EXCLUDED.order_quantity,
        end_use = EXCLUDED.end_use, destination = EXCLUDED.destination,
        alternate_lead_time_mean = EXCLUDED.alternate_lead_time_mean,
        alternate_lead_time_std = EXCLUDED.alternate_lead_time_std, service_measure = EXCLUDED.service_measure,
        consignee = EXCLUDED.consignee, updated_at = now()""";

  private static final String SELECT = """
      SELECT p.*, m.elements, m.form
      FROM position p
      JOIN material m ON m.id = p.material_id
      """;
  private static final String PAGE = " AND (p.tenant_id, p.site_id, p.material_id) > ($%d, $%d, $%d)"
      + " ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT $%d";

  private static final String ONE = SELECT + " WHERE p.tenant_id = $1 AND p.site_id = $2 AND p.material_id = $3";
  private static final String OF_TENANT = SELECT + " WHERE p.tenant_id = $1" + page(2);
  // The materials a change reaches, resolved first: filtering positions on their own material_id
  // lets PostgreSQL walk the primary key in order and stop at the page's end.
  private static final String MATERIALS_WITH = """
      SELECT id FROM material
      WHERE elements && $1::text[] AND (cardinality($2::text[]) = 0 OR form = ANY ($2::text[]))""";
  // A change to a measure over some elements and forms reaches every tenant's positions of them.
  private static final String OF_MATERIALS = SELECT + " WHERE p.material_id = ANY ($1::text[])" + page(2);
  // A licence can only cover positions of its tenant, elements, forms and destination.
  private static final String COVERABLE_BY = SELECT + " WHERE p.tenant_id = $1 AND p.material_id = ANY ($2::text[])"
      + " AND p.destination = $3" + page(4);
  // A destination's denial probability changed: every tenant's positions shipping there.
  private static final String SHIPPING_TO = SELECT + " WHERE p.destination = $1" + page(2);
  // China's lists of parties changed: every tenant's positions that name a consignee.
  private static final String WITH_CONSIGNEE = SELECT + " WHERE p.consignee IS NOT NULL" + page(1);
  private static final String ALL = SELECT + " WHERE true" + page(1);
  private static final String STALE = SELECT + """
       WHERE NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.tenant_id = p.tenant_id AND r.site_id = p.site_id
                         AND r.material_id = p.material_id AND r.as_of >= $1
                         AND r.model_version = %d)""".formatted(RecommendationRepository.MODEL_VERSION) + page(2);

  private final Pool pool;

  public PositionRepository(Pool pool) {
    this.pool = pool;
  }

  private static String page(int first) {
    return String.format(PAGE, first, first + 1, first + 2, first + 3);
  }

  public Future<Void> upsert(StockPosition p) {
    PositionInputs in = p.inputs();
    AlternateSource alt = in.alternate();
    return pool.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {p.key().tenantId(), p.key().siteId(),
        p.key().materialId(), in.onHand(), in.onOrder(), in.demandMeanPerDay(), in.demandStdPerDay(),
        in.leadTimeMeanDays(), in.leadTimeStdDays(), in.serviceLevel(), in.reviewPeriodDays(), in.orderQuantity(),
        p.endUse(), p.destination(), alt == null ? null : alt.leadTimeMeanDays(),
        alt == null ? null : alt.leadTimeStdDays(), in.serviceMeasure().name(), p.consignee()})).mapEmpty();
  }

  public Future<Optional<StockPosition>> find(PositionKey key) {
    return pool.preparedQuery(ONE).execute(Tuple.of(key.tenantId(), key.siteId(), key.materialId()))
        .map(rows -> Rows.first(rows, PositionRepository::position));
  }

  /** Which positions a page query selects. */
  public sealed interface Selection {
    record OfTenant(String tenantId) implements Selection {
    }

    record WithElements(List<String> elements, List<String> forms) implements Selection {
    }

    record CoverableBy(String tenantId, List<String> elements, List<String> forms, String destination)
        implements Selection {
    }

    record ShippingTo(String destination) implements Selection {
    }

    /** The positions that name a consignee: those screening against China's lists reaches. */
    record WithConsignee() implements Selection {
    }

    record All() implements Selection {
    }

    record StaleBefore(LocalDate asOf) implements Selection {
    }
  }

  /** The next page after {@code after} (null for the first), in key order. */
  public Future<List<StockPosition>> page(Selection selection, PositionKey after, int size) {
    PositionKey from = after != null ? after : new PositionKey("", "", "");
    if (selection instanceof Selection.WithElements s) {
      return materials(s.elements(), s.forms()).compose(ids -> ids.length == 0 ? Future.succeededFuture(List.of())
          : run(OF_MATERIALS, Tuple.tuple().addArrayOfString(ids), from, size));
    }
    if (selection instanceof Selection.CoverableBy s) {
      return materials(s.elements(), s.forms()).compose(ids -> ids.length == 0 ? Future.succeededFuture(List.of())
          : run(COVERABLE_BY, Tuple.tuple().addString(s.tenantId()).addArrayOfString(ids).addString(s.destination()),
              from, size));
    }
    if (selection instanceof Selection.ShippingTo s) {
      return run(SHIPPING_TO, Tuple.of(s.destination()), from, size);
    }
    if (selection instanceof Selection.WithConsignee) {
      return run(WITH_CONSIGNEE, Tuple.tuple(), from, size);
    }
    if (selection instanceof Selection.OfTenant s) {
      return run(OF_TENANT, Tuple.of(s.tenantId()), from, size);
    }
    if (selection instanceof Selection.StaleBefore s) {
      return run(STALE, Tuple.of(s.asOf()), from, size);
    }
    return run(ALL, Tuple.tuple(), from, size);
  }

  private Future<String[]> materials(List<String> elements, List<String> forms) {
    return pool.preparedQuery(MATERIALS_WITH).execute(Tuple.tuple().addArrayOfString(elements.toArray(String[]::new))
        .addArrayOfString(forms.toArray(String[]::new)))
        .map(rows -> Rows.list(rows, row -> row.getString("id")).toArray(String[]::new));
  }

  private Future<List<StockPosition>> run(String sql, Tuple params, PositionKey from, int size) {
    params.addString(from.tenantId()).addString(from.siteId()).addString(from.materialId()).addInteger(size);
    return pool.preparedQuery(sql).execute(params).map(rows -> Rows.list(rows, PositionRepository::position));
  }

  static StockPosition position(Row row) {
    Double altMean = row.getDouble("alternate_lead_time_mean");
    AlternateSource alternate = altMean == null ? null
        : new AlternateSource(altMean, row.getDouble("alternate_lead_time_std"));
    PositionInputs inputs = new PositionInputs(row.getDouble("on_hand"), row.getDouble("on_order"),
        row.getDouble("demand_mean"), row.getDouble("demand_std"), row.getDouble("lead_time_mean"),
        row.getDouble("lead_time_std"), ServiceMeasure.valueOf(row.getString("service_measure")),
        row.getDouble("service_level"), row.getDouble("review_period"),
        row.getDouble("order_quantity"), alternate);
    return new StockPosition(new PositionKey(row.getString("tenant_id"), row.getString("site_id"),
        row.getString("material_id")), inputs, row.getString("end_use"), row.getString("destination"),
        Arrays.asList(row.getArrayOfStrings("elements")), row.getString("form"), row.getString("consignee"));
  }
}
