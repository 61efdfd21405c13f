package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.buffer.AlternateSource;
import io.supplyguard.inventory.buffer.PositionInputs;
import io.supplyguard.inventory.buffer.ServiceMeasure;
import io.supplyguard.inventory.position.PositionKey;
import io.supplyguard.inventory.position.StockPosition;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on stock positions. Positions to recompute are read a page at a time in key
 * order, so that a change reaching 100,000 positions never holds them all in memory.
 */
public final class PositionRepository {
  private static final NamedSql UPSERT = NamedSql.of("""
      INSERT INTO position (tenant_id, site_id, material_id, on_hand, on_order, demand_mean, demand_std,
                            lead_time_mean, lead_time_std, service_level, review_period, order_quantity, end_use,
                            destination, alternate_lead_time_mean, alternate_lead_time_std, service_measure,
                            consignee, updated_at)
      VALUES (#{tenantId}, #{siteId}, #{materialId}, #{onHand}, #{onOrder}, #{demandMean}, #{demandStd},
              #{leadTimeMean}, #{leadTimeStd}, #{serviceLevel}, #{reviewPeriod}, #{orderQuantity}, #{endUse},
              #{destination}, #{alternateLeadTimeMean}, #{alternateLeadTimeStd}, #{serviceMeasure}, #{consignee},
              now())
      ON CONFLICT (tenant_id, site_id, material_id) DO UPDATE SET
        on_hand = EXCLUDED.on_hand, on_order = EXCLUDED.on_order, demand_mean = EXCLUDED.demand_mean,
        demand_std = EXCLUDED.demand_std, lead_time_mean = EXCLUDED.lead_time_mean,
        lead_time_std = EXCLUDED.lead_time_std, service_level = EXCLUDED.service_level,
        review_period = EXCLUDED.review_period, order_quantity = EXCLUDED.order_quantity,
        end_use = EXCLUDED.end_use, destination = EXCLUDED.destination,
        alternate_lead_time_mean = EXCLUDED.alternate_lead_time_mean,
        alternate_lead_time_std = EXCLUDED.alternate_lead_time_std, service_measure = EXCLUDED.service_measure,
        consignee = EXCLUDED.consignee, updated_at = now()""");

  private static final String SELECT = """
      SELECT p.*, m.elements, m.form
      FROM position p
      JOIN material m ON m.id = p.material_id
      WHERE\s""";
  private static final NamedSql ONE =
      NamedSql.of(SELECT + "p.tenant_id = #{tenantId} AND p.site_id = #{siteId} AND p.material_id = #{materialId}");
  private static final String AFTER = " AND (p.tenant_id, p.site_id, p.material_id)"
      + " > (#{afterTenant}, #{afterSite}, #{afterMaterial})";
  private static final String UPTO = " AND (p.tenant_id, p.site_id, p.material_id)"
      + " <= (#{uptoTenant}, #{uptoSite}, #{uptoMaterial})";
  private static final String IN_KEY_ORDER = " ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT #{size}";
  // The last of the next #{size} keys, and how many there are: a part's upper bound, read from the
  // primary key alone.
  private static final String BOUND = """
      SELECT tenant_id, site_id, material_id, count(*) OVER () AS n FROM (
        SELECT p.tenant_id, p.site_id, p.material_id FROM position p
        WHERE %s%s
        ORDER BY p.tenant_id, p.site_id, p.material_id LIMIT #{size}) k
      ORDER BY tenant_id DESC, site_id DESC, material_id DESC LIMIT 1""";

  private PositionRepository() {
  }

  public static Future<Void> upsert(SqlClient client, StockPosition p) {
    PositionInputs in = p.inputs();
    AlternateSource alt = in.alternate();
    return UPSERT.execute(client, SqlParams.with("tenantId", p.key().tenantId()).and("siteId", p.key().siteId())
        .and("materialId", p.key().materialId()).and("onHand", in.onHand()).and("onOrder", in.onOrder())
        .and("demandMean", in.demandMeanPerDay()).and("demandStd", in.demandStdPerDay())
        .and("leadTimeMean", in.leadTimeMeanDays()).and("leadTimeStd", in.leadTimeStdDays())
        .and("serviceLevel", in.serviceLevel()).and("reviewPeriod", in.reviewPeriodDays())
        .and("orderQuantity", in.orderQuantity()).and("endUse", p.endUse()).and("destination", p.destination())
        .and("alternateLeadTimeMean", alt == null ? null : alt.leadTimeMeanDays())
        .and("alternateLeadTimeStd", alt == null ? null : alt.leadTimeStdDays())
        .and("serviceMeasure", in.serviceMeasure().name()).and("consignee", p.consignee())).mapEmpty();
  }

  public static Future<Optional<StockPosition>> find(SqlClient client, PositionKey key) {
    return ONE.execute(client, SqlParams.with("tenantId", key.tenantId()).and("siteId", key.siteId())
        .and("materialId", key.materialId())).map(rows -> Rows.first(rows, PositionRepository::position));
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
  public static Future<List<StockPosition>> page(SqlClient client, Selection selection, PositionKey after, int size) {
    return range(client, selection, after, null, size);
  }

  /**
   * The first {@code size} positions in (after, upto] in key order: null {@code after} is the
   * start, null {@code upto} the end.
   */
  public static Future<List<StockPosition>> range(SqlClient client, Selection selection, PositionKey after,
      PositionKey upto, int size) {
    PositionKey from = after != null ? after : PositionKey.FIRST;
    return SelectionFilter.of(client, selection).compose(filter -> {
      if (filter.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      SelectionFilter f = filter.get();
      SqlParams params = after(f.params(), from).and("size", size);
      if (upto != null) {
        params.and("uptoTenant", upto.tenantId()).and("uptoSite", upto.siteId()).and("uptoMaterial", upto.materialId());
      }
      NamedSql sql = NamedSql.of(SELECT + f.condition() + AFTER + (upto == null ? "" : UPTO) + IN_KEY_ORDER);
      return sql.execute(client, params).map(rows -> Rows.list(rows, PositionRepository::position));
    });
  }

  /** Where a part of at most {@code size} selected positions after {@code after} ends. */
  public record Bound(PositionKey upto, int positions) {
  }

  /** The bound of the next part after {@code after} (null: the start); empty when none is left. */
  public static Future<Optional<Bound>> bound(SqlClient client, Selection selection, PositionKey after, int size) {
    PositionKey from = after != null ? after : PositionKey.FIRST;
    return SelectionFilter.of(client, selection).compose(filter -> {
      if (filter.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      SelectionFilter f = filter.get();
      NamedSql sql = NamedSql.of(BOUND.formatted(f.condition(), AFTER));
      return sql.execute(client, after(f.params(), from).and("size", size))
          .map(rows -> Rows.first(rows, row -> new Bound(new PositionKey(row.getString("tenant_id"),
              row.getString("site_id"), row.getString("material_id")), row.getLong("n").intValue())));
    });
  }

  private static SqlParams after(SqlParams params, PositionKey from) {
    return params.and("afterTenant", from.tenantId()).and("afterSite", from.siteId())
        .and("afterMaterial", from.materialId());
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
