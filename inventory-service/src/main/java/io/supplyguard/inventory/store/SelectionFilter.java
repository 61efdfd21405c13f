package io.supplyguard.inventory.store;

import io.supplyguard.common.db.NamedSql;
import io.supplyguard.common.db.Rows;
import io.supplyguard.common.db.SqlParams;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A selection as the condition on {@code position p} that selects it, with its named parameters:
 * what every query over a selection (a page, a range, a part's bound) starts from.
 */
record SelectionFilter(String condition, Map<String, Object> values) {
  // The materials a change reaches, resolved first: filtering positions on their own material_id
  // lets PostgreSQL walk the primary key in order and stop at the page's end.
  private static final NamedSql MATERIALS_WITH = NamedSql.of("""
      SELECT id FROM material
      WHERE elements && #{elements}::text[]
        AND (cardinality(#{forms}::text[]) = 0 OR form = ANY (#{forms}::text[]))""");
  private static final String STALE = """
      NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.tenant_id = p.tenant_id AND r.site_id = p.site_id
                  AND r.material_id = p.material_id AND r.as_of >= #{staleBefore} AND r.model_version = %d)"""
      .formatted(RecommendationRepository.MODEL_VERSION);

  /** The filter of a selection; empty when it can select no position (no material has its elements). */
  static Future<Optional<SelectionFilter>> of(SqlClient client, Selection selection) {
    if (selection instanceof Selection.WithElements s) {
      // A change to a measure over some elements and forms reaches every tenant's positions of them.
      return materials(client, s.elements(), s.forms()).map(ids -> ids.length == 0 ? Optional.empty()
          : Optional.of(new SelectionFilter("p.material_id = ANY (#{materialIds}::text[])",
              Map.of("materialIds", ids))));
    }
    if (selection instanceof Selection.CoverableBy s) {
      // A licence can only cover positions of its tenant, elements, forms and destination.
      return materials(client, s.elements(), s.forms()).map(ids -> ids.length == 0 ? Optional.empty()
          : Optional.of(new SelectionFilter("p.tenant_id = #{tenantId} AND p.material_id = ANY (#{materialIds}::text[])"
              + " AND p.destination = #{destination}",
              Map.of("tenantId", s.tenantId(), "materialIds", ids, "destination", s.destination()))));
    }
    return Future.succeededFuture(Optional.of(direct(selection)));
  }

  private static SelectionFilter direct(Selection selection) {
    if (selection instanceof Selection.ShippingTo s) {
      // A destination's denial probability changed: every tenant's positions shipping there.
      return new SelectionFilter("p.destination = #{destination}", Map.of("destination", s.destination()));
    }
    if (selection instanceof Selection.WithConsignee) {
      // China's lists of parties changed: every tenant's positions that name a consignee.
      return new SelectionFilter("p.consignee IS NOT NULL", Map.of());
    }
    if (selection instanceof Selection.OfTenant s) {
      return new SelectionFilter("p.tenant_id = #{tenantId}", Map.of("tenantId", s.tenantId()));
    }
    if (selection instanceof Selection.StaleBefore s) {
      return new SelectionFilter(STALE, Map.of("staleBefore", s.asOf()));
    }
    return new SelectionFilter("true", Map.of());
  }

  /** This filter's values, for a statement to add its own to. */
  SqlParams params() {
    SqlParams params = SqlParams.empty();
    values.forEach(params::and);
    return params;
  }

  private static Future<String[]> materials(SqlClient client, List<String> elements, List<String> forms) {
    return MATERIALS_WITH.execute(client, SqlParams.with("elements", elements.toArray(String[]::new))
            .and("forms", forms.toArray(String[]::new)))
        .map(rows -> Rows.list(rows, row -> row.getString("id")).toArray(String[]::new));
  }
}
