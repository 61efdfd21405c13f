package io.supplyguard.licence.api;

import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.List;

/**
 * PLACEHOLDER until the registry of listed parties (the {@code listed_party} table) lands: it
 * applies no listing, and refuses an announcement that carries any with a 400 on
 * {@code listings}, so that nothing of it is stored. Wired in {@link LicenceVerticle}; replaced
 * there by the registry's {@link ListingsWriter}.
 */
final class ListingsPending implements ListingsWriter {

  @Override
  public Future<ListingsResult> apply(SqlConnection tx, String announcement, LocalDate issuedOn,
      List<Listing> entries) {
    if (entries.isEmpty()) {
      return Future.succeededFuture(ListingsResult.NONE);
    }
    return Future.failedFuture(ServiceException.invalidField("listings",
        "are applied once the registry of listed parties lands; send the announcement without listings for now"));
  }
}
