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
import io.vertx.sqlclient.SqlClient;
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
      WHERE\s""";
  private static final String ONE = SELECT + "p.tenant_id = $1 AND p.site_id = $2 AND p.material_id = $3";
  private static final String KEY = "(p.tenant_id, p.site_id, p.material_id)";
  private static final String IN_KEY_ORDER = " ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT $%d";
  // The last of the next $n keys, and how many there are: a part's upper bound, read from the
  // primary key alone.
  private static final String BOUND = """
      SELECT tenant_id, site_id, material_id, count(*) OVER () AS n FROM (
        SELECT p.tenant_id, p.site_id, p.material_id FROM position p
        WHERE %s AND %s > ($%d, $%d, $%d)
        ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT $%d) k
      ORDER BY tenant_id DESC, site_id DESC, material_id DESC LIMIT 1""";

  private final Pool pool;

  public PositionRepository(Pool pool) {
    this.pool = pool;
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
    return range(selection, after, null, size);
  }

  /**
   * The first {@code size} positions in (after, upto] in key order: null {@code after} is the
   * start, null {@code upto} the end.
   */
  public Future<List<StockPosition>> range(Selection selection, PositionKey after, PositionKey upto, int size) {
    PositionKey from = after != null ? after : PositionKey.FIRST;
    return SelectionFilter.of(pool, selection).compose(filter -> {
      if (filter.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      SelectionFilter f = filter.get();
      int n = f.next();
      String sql = SELECT + f.condition() + " AND " + KEY + " > ($%d, $%d, $%d)".formatted(n, n + 1, n + 2)
          + (upto == null ? "" : " AND " + KEY + " <= ($%d, $%d, $%d)".formatted(n + 3, n + 4, n + 5))
          + IN_KEY_ORDER.formatted(upto == null ? n + 3 : n + 6);
      Tuple params = upto == null ? f.tuple(from.tenantId(), from.siteId(), from.materialId(), size)
          : f.tuple(from.tenantId(), from.siteId(), from.materialId(), upto.tenantId(), upto.siteId(),
              upto.materialId(), size);
      return pool.preparedQuery(sql).execute(params).map(rows -> Rows.list(rows, PositionRepository::position));
    });
  }

  /** Where a part of at most {@code size} selected positions after {@code after} ends. */
  public record Bound(PositionKey upto, int positions) {
  }

  /** The bound of the next part after {@code after} (null: the start); empty when none is left. */
  public Future<Optional<Bound>> bound(SqlClient client, Selection selection, PositionKey after, int size) {
    PositionKey from = after != null ? after : PositionKey.FIRST;
    return SelectionFilter.of(client, selection).compose(filter -> {
      if (filter.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      SelectionFilter f = filter.get();
      int n = f.next();
      String sql = BOUND.formatted(f.condition(), KEY, n, n + 1, n + 2, n + 3);
      return client.preparedQuery(sql).execute(f.tuple(from.tenantId(), from.siteId(), from.materialId(), size))
          .map(rows -> Rows.first(rows, row -> new Bound(new PositionKey(row.getString("tenant_id"),
              row.getString("site_id"), row.getString("material_id")), row.getLong("n").intValue())));
    });
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
