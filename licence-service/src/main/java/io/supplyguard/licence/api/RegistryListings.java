package io.supplyguard.licence.api;

import io.supplyguard.licence.screening.ListedParty;
import io.supplyguard.licence.screening.ListingChanges;
import io.supplyguard.licence.store.ListedPartyRepository;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.LocalDate;
import java.util.List;

/**
 * An announcement's listings written to the registry of listed parties, in the announcement's
 * transaction: the entries it names are added to their lists (or updated), none is removed, and
 * the announcement's number is recorded as each entry's announcement and source.
 */
final class RegistryListings implements ListingsWriter {
  private final ListedPartyRepository parties;

  RegistryListings(ListedPartyRepository parties) {
    this.parties = parties;
  }

  @Override
  public Future<ListingsResult> apply(SqlConnection tx, String announcement, LocalDate issuedOn, List<Listing> entries) {
    List<ListedParty> listings = entries.stream().map(e -> ListedParty.of(e.list(), e.name(), e.aliases(), e.country(),
        e.added() != null ? e.added() : issuedOn, announcement, announcement)).toList();
    return parties.apply(tx, listings, null).map(RegistryListings::result);
  }

  private static ListingsResult result(ListingChanges changes) {
    return new ListingsResult(changes.added().size(), changes.updated().size(), changes.unchanged().size());
  }
}
