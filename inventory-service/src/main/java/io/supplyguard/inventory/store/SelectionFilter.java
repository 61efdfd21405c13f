package io.supplyguard.inventory.store;

import io.supplyguard.common.db.Rows;
import io.supplyguard.inventory.store.PositionRepository.Selection;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A selection as the condition on {@code position p} that selects it, with its parameters
 * ($1 on): what every query over a selection (a page, a range, a part's bound) starts from.
 */
record SelectionFilter(String condition, List<Object> params) {
  // The materials a change reaches, resolved first: filtering positions on their own material_id
  // lets PostgreSQL walk the primary key in order and stop at the page's end.
  private static final String MATERIALS_WITH = """
      SELECT id FROM material
      WHERE elements && $1::text[] AND (cardinality($2::text[]) = 0 OR form = ANY ($2::text[]))""";
  private static final String STALE = """
      NOT EXISTS (SELECT 1 FROM recommendation r WHERE r.tenant_id = p.tenant_id AND r.site_id = p.site_id
                  AND r.material_id = p.material_id AND r.as_of >= $1 AND r.model_version = %d)"""
      .formatted(RecommendationRepository.MODEL_VERSION);

  /** The filter of a selection; empty when it can select no position (no material has its elements). */
  static Future<Optional<SelectionFilter>> of(SqlClient client, Selection selection) {
    if (selection instanceof Selection.WithElements s) {
      // A change to a measure over some elements and forms reaches every tenant's positions of them.
      return materials(client, s.elements(), s.forms()).map(ids -> ids.length == 0 ? Optional.empty()
          : Optional.of(new SelectionFilter("p.material_id = ANY ($1::text[])", List.of((Object) ids))));
    }
    if (selection instanceof Selection.CoverableBy s) {
      // A licence can only cover positions of its tenant, elements, forms and destination.
      return materials(client, s.elements(), s.forms()).map(ids -> ids.length == 0 ? Optional.empty()
          : Optional.of(new SelectionFilter("p.tenant_id = $1 AND p.material_id = ANY ($2::text[])"
              + " AND p.destination = $3", List.of(s.tenantId(), ids, s.destination()))));
    }
    return Future.succeededFuture(Optional.of(direct(selection)));
  }

  private static SelectionFilter direct(Selection selection) {
    if (selection instanceof Selection.ShippingTo s) {
      // A destination's denial probability changed: every tenant's positions shipping there.
      return new SelectionFilter("p.destination = $1", List.of(s.destination()));
    }
    if (selection instanceof Selection.WithConsignee) {
      // China's lists of parties changed: every tenant's positions that name a consignee.
      return new SelectionFilter("p.consignee IS NOT NULL", List.of());
    }
    if (selection instanceof Selection.OfTenant s) {
      return new SelectionFilter("p.tenant_id = $1", List.of(s.tenantId()));
    }
    if (selection instanceof Selection.StaleBefore s) {
      return new SelectionFilter(STALE, List.of(s.asOf()));
    }
    return new SelectionFilter("true", List.of());
  }

  /** The number the next parameter after this filter's takes. */
  int next() {
    return params.size() + 1;
  }

  /** This filter's parameters followed by {@code more}. */
  Tuple tuple(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return Tuple.from(all);
  }

  private static Future<String[]> materials(SqlClient client, List<String> elements, List<String> forms) {
    return client.preparedQuery(MATERIALS_WITH).execute(Tuple.tuple()
            .addArrayOfString(elements.toArray(String[]::new)).addArrayOfString(forms.toArray(String[]::new)))
        .map(rows -> Rows.list(rows, row -> row.getString("id")).toArray(String[]::new));
  }
}
