package io.supplyguard.licence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.Role;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An announcement is one change: validated whole, every wrong part named at once; a conflict
 * stores nothing; applied, one transaction with one audit event and one published regime change.
 * Today is 2026-11-30 (LicenceFixture).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnouncementsOverTheBusTest {
  private static final BusClient.Caller ADMIN = new BusClient.Caller("admin-announcement", null, Role.ADMIN);

  private Vertx vertx;
  private LicenceFixture fixture;

  @BeforeAll
  void start() throws Exception {
    vertx = Vertx.vertx();
    fixture = Await.result(LicenceFixture.start(vertx));
  }

  @AfterAll
  void stop() throws Exception {
    Await.result(vertx.close());
  }

  static JsonObject measure(String id, String element, String form) {
    return new JsonObject().put("id", id).put("issuer", "MOFCOM").put("title", "Controls on " + element)
        .put("kind", "LICENCE_REQUIRED").put("issuedOn", "2026-11-20").put("inForceFrom", "2026-12-15")
        .put("elements", new JsonArray().add(element)).put("forms", new JsonArray().add(form))
        .put("source", "MOFCOM Announcement 2026 No. 90");
  }

  static JsonObject announcement(String number) {
    return new JsonObject().put("number", number).put("issuedOn", "2026-11-20")
        .put("title", "Announcement on export controls")
        .put("sourceUrl", "https://www.mofcom.gov.cn/a/" + number.replaceAll("\\W+", "-"))
        .put("measures", new JsonArray()).put("suspensions", new JsonArray());
  }

  private JsonObject apply(JsonObject body) throws Exception {
    return Await.result(fixture.bus().request(Addresses.REGIME_ANNOUNCEMENT_APPLY, body, ADMIN));
  }

  private ServiceException refused(JsonObject body, BusClient.Caller caller) {
    Throwable failure = unwrapped(catchThrowable(() -> Await.result(
        fixture.bus().request(Addresses.REGIME_ANNOUNCEMENT_APPLY, body, caller))));
    assertThat(failure).isInstanceOf(ServiceException.class);
    return (ServiceException) failure;
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof java.util.concurrent.ExecutionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  /** Measures, suspensions, audit events and outbox messages, counted. */
  private List<Long> footprint() throws Exception {
    List<Long> counts = new ArrayList<>();
    for (String table : List.of("measure", "suspension", "audit_event", "outbox")) {
      Row row = Await.result(fixture.db().query("SELECT count(*) AS n FROM licence." + table).execute())
          .iterator().next();
      counts.add(row.getLong("n"));
    }
    return counts;
  }

  @Test
  @DisplayName("several wrong parts: one 400 naming every one with its path, and nothing stored")
  void everyErrorAtOnce() throws Exception {
    List<Long> before = footprint();
    JsonObject body = announcement("MOFCOM 2026 No. 91")
        .put("measures", new JsonArray()
            .add(measure("TEST-ANN-BAD-1", "Xx", "OXIDE"))
            .add(measure("TEST-ANN-BAD-2", "La", "OXIDE").put("inForceUntil", "2026-01-01"))
            .add(measure("TEST-ANN-BAD-1", "La", "OXIDE")))
        .put("suspensions", new JsonArray()
            .add(new JsonObject().put("measureId", "MOFCOM-GAC-2025-57").put("from", "2027-01-10").put("until", "2027-01-01"))
            .add(new JsonObject().put("measureId", "NO-SUCH-MEASURE").put("from", "2027-01-10")
                .put("until", "2027-02-01")));
    // Off the contract: the contract's errors, all at once, before the service reads a field.
    JsonObject offContract = body.copy().put("sourceUrl", "not a url");
    offContract.getJsonArray("measures").add("not an object").getJsonObject(1).putNull("title");
    offContract.put("listings", new JsonArray()
        .add(new JsonObject().put("list", "BLACK_LIST").put("name", "Acme").put("country", "XX")));
    ServiceException shape = refused(offContract, ADMIN);
    assertThat(shape.code()).isEqualTo(FailureCode.BAD_REQUEST);
    assertThat(shape.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("sourceUrl",
        "measures[1].title", "measures[3]", "listings[0].list", "listings[0].country");
    // On the contract: the service's own rules, all at once.
    ServiceException e = refused(body, ADMIN);
    assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
    assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
        "measures[0].elements[0]", "measures[1].inForceUntil", "suspensions[0].until", "suspensions[1].measureId");
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("an empty announcement or a missing number is a 400; a TENANT is refused")
  void emptyAndForbidden() throws Exception {
    ServiceException empty = refused(announcement("MOFCOM 2026 No. 92"), ADMIN);
    assertThat(empty.errors()).extracting(FieldError::field).containsExactly("measures");
    ServiceException numberless = refused(announcement("x").put("number", " ")
        .put("measures", new JsonArray().add(measure("TEST-ANN-NONUM", "La", "OXIDE"))), ADMIN);
    assertThat(numberless.errors()).extracting(FieldError::field).containsExactly("number");
    ServiceException forbidden = refused(announcement("MOFCOM 2026 No. 92")
        .put("measures", new JsonArray().add(measure("TEST-ANN-T", "La", "OXIDE"))), LicenceFixture.tenant("t-1"));
    assertThat(forbidden.code()).isEqualTo(FailureCode.FORBIDDEN);
  }

  @Test
  @DisplayName("a conflict (a measure id taken, a suspension overlapping one recorded or one before it) is a 409"
      + " naming each part, and nothing is stored, not even the valid parts")
  void conflictStoresNothing() throws Exception {
    List<Long> before = footprint();
    JsonObject body = announcement("MOFCOM 2026 No. 93")
        .put("measures", new JsonArray()
            .add(measure("TEST-ANN-OK", "La", "OXIDE"))
            .add(measure("MOFCOM-GAC-2025-18", "Dy", "OXIDE")))
        .put("suspensions", new JsonArray()
            .add(new JsonObject().put("measureId", "TEST-ANN-OK").put("from", "2027-01-01").put("until", "2027-03-31"))
            .add(new JsonObject().put("measureId", "MOFCOM-GAC-2025-57").put("from", "2026-11-01").put("until", "2027-11-10"))
            .add(new JsonObject().put("measureId", "TEST-ANN-OK").put("from", "2027-03-01").put("until", "2027-04-30")));
    ServiceException e = refused(body, ADMIN);
    assertThat(e.code()).isEqualTo(FailureCode.CONFLICT);
    assertThat(e.errors()).extracting(FieldError::field)
        .containsExactlyInAnyOrder("measures[1].id", "suspensions[1].from", "suspensions[2].from");
    assertThat(footprint()).isEqualTo(before);
    Throwable notStored = catchThrowable(() -> Await.result(fixture.bus().request(Addresses.REGIME_MEASURE_GET,
        new JsonObject().put("id", "TEST-ANN-OK"), ADMIN)));
    assertThat(((ServiceException) unwrapped(notStored)).code()).isEqualTo(FailureCode.NOT_FOUND);
  }

  @Test
  @DisplayName("listings: a wrong entry is a 400 naming it and stores nothing; applied, the parties are listed with the"
      + " announcement, in the same one audit event and one regime change, which says consignees are affected")
  void listings() throws Exception {
    List<Long> before = footprint();
    JsonObject body = announcement("MOFCOM 2026 No. 94")
        .put("measures", new JsonArray().add(measure("TEST-ANN-LIST", "La", "OXIDE")))
        .put("listings", new JsonArray().add(new JsonObject().put("list", "CONTROL_LIST").put("name", "Acme Defence")
            .put("aliases", new JsonArray().add("Acme")).put("country", "US")));
    JsonObject wrong = body.copy().put("listings", new JsonArray().add(new JsonObject().put("list", "BLACK_LIST")
        .put("name", "Acme Defence").put("country", "USA")));
    ServiceException e = refused(wrong, ADMIN);
    assertThat(e.code()).isEqualTo(FailureCode.BAD_REQUEST);
    assertThat(e.errors()).extracting(FieldError::field).contains("listings[0].list", "listings[0].country");
    assertThat(footprint()).isEqualTo(before);
    long listedBefore = listed();

    JsonObject applied = apply(body);
    assertThat(applied.getJsonObject("listings").getInteger("added")).isEqualTo(1);
    assertThat(listed()).isEqualTo(listedBefore + 1);
    Row party = Await.result(fixture.db().query("SELECT list, announcement, added FROM licence.listed_party"
        + " WHERE name = 'Acme Defence'").execute()).iterator().next();
    assertThat(party.getString("list")).isEqualTo("CONTROL_LIST");
    assertThat(party.getString("announcement")).isEqualTo("MOFCOM 2026 No. 94");
    List<Long> after = footprint();
    assertThat(after).containsExactly(before.get(0) + 1, before.get(1), before.get(2) + 1, before.get(3) + 1);
    JsonObject published = new JsonObject(Await.result(fixture.db().query(
        "SELECT payload FROM licence.outbox ORDER BY id DESC LIMIT 1").execute()).iterator().next().getValue("payload")
        .toString());
    assertThat(published.getString("change")).isEqualTo("ANNOUNCEMENT_APPLIED");
    assertThat(published.getBoolean("consigneesAffected")).isTrue();
  }

  private long listed() throws Exception {
    return Await.result(fixture.db().query("SELECT count(*) AS n FROM licence.listed_party").execute()).iterator().next()
        .getLong("n");
  }

  @Test
  @DisplayName("applied: every measure and suspension stored, ONE audit event with the whole announcement, ONE"
      + " regime.changed whose elements and forms are the union of the measures it reaches; again, a 409")
  void appliedAsOneChange() throws Exception {
    List<Long> before = footprint();
    long lastOutbox = Await.result(fixture.db().query("SELECT coalesce(max(id), 0) AS id FROM licence.outbox")
        .execute()).iterator().next().getLong("id");
    JsonObject body = announcement("MOFCOM 2026 No. 95")
        .put("measures", new JsonArray()
            .add(measure("TEST-ANN-LA", "La", "OXIDE"))
            .add(measure("TEST-ANN-CE", "Ce", "METAL")))
        .put("suspensions", new JsonArray()
            .add(new JsonObject().put("measureId", "TEST-ANN-CE").put("from", "2026-12-15").put("until", "2027-06-30"))
            .add(new JsonObject().put("measureId", "MOFCOM-GAC-2025-57").put("from", "2026-11-11")
                .put("until", "2027-11-10").put("reference", "MOFCOM 2026 No. 95, art. 2")));
    JsonObject applied = apply(body);

    assertThat(applied.getString("announcement")).isEqualTo("MOFCOM 2026 No. 95");
    assertThat(applied.getJsonArray("measures")).containsExactly("TEST-ANN-LA", "TEST-ANN-CE");
    assertThat(applied.getJsonArray("suspensions")).hasSize(2);
    assertThat(applied.getJsonArray("suspensions").getJsonObject(0).getString("reference")).isEqualTo("MOFCOM 2026 No. 95");
    assertThat(applied.getJsonArray("suspensions").getJsonObject(1).getString("reference"))
        .isEqualTo("MOFCOM 2026 No. 95, art. 2");
    assertThat(applied.getJsonObject("listings").getInteger("added")).isZero();
    List<Long> after = footprint();
    assertThat(after).containsExactly(before.get(0) + 2, before.get(1) + 2, before.get(2) + 1, before.get(3) + 1);

    JsonObject ce = Await.result(fixture.bus().request(Addresses.REGIME_MEASURE_GET,
        new JsonObject().put("id", "TEST-ANN-CE"), ADMIN));
    assertThat(ce.getJsonArray("suspensions")).hasSize(1);

    Row audit = Await.result(fixture.db().query("SELECT entity_type, entity_id, action, after FROM licence.audit_event"
        + " ORDER BY id DESC LIMIT 1").execute()).iterator().next();
    assertThat(audit.getString("entity_type")).isEqualTo("ANNOUNCEMENT");
    assertThat(audit.getString("entity_id")).isEqualTo("MOFCOM 2026 No. 95");
    assertThat(audit.getString("action")).isEqualTo("APPLIED");
    JsonObject whole = (JsonObject) audit.getValue("after");
    assertThat(whole.getString("sourceUrl")).isEqualTo("https://www.mofcom.gov.cn/a/MOFCOM-2026-No-95");
    assertThat(whole.getJsonArray("measures")).hasSize(2);
    assertThat(whole.getJsonArray("suspensions")).hasSize(2);

    List<JsonObject> messages = new ArrayList<>();
    Await.result(fixture.db().query("SELECT address, payload FROM licence.outbox WHERE id > " + lastOutbox).execute())
        .forEach(row -> messages.add(((JsonObject) row.getValue("payload")).put("address", row.getString("address"))));
    assertThat(messages).hasSize(1);
    JsonObject event = messages.get(0);
    assertThat(event.getString("address")).isEqualTo(Addresses.REGIME_CHANGED);
    assertThat(event.getString("change")).isEqualTo("ANNOUNCEMENT_APPLIED");
    assertThat(event.getString("changeId")).isEqualTo(applied.getString("changeId"));
    assertThat(event.getString("announcement")).isEqualTo("MOFCOM 2026 No. 95");
    // No. 57 (Ho, Er, Tm, Eu, Yb) is reached by its new suspension, the new measures by themselves.
    assertThat(event.getJsonArray("elements")).containsExactly("Ce", "Er", "Eu", "Ho", "La", "Tm", "Yb");
    assertThat(event.getJsonArray("forms")).contains("OXIDE", "METAL", "MAGNET");
    assertThat(event.getJsonArray("measureIds")).containsExactly("TEST-ANN-LA", "TEST-ANN-CE", "MOFCOM-GAC-2025-57");
    assertThat(event.getBoolean("coversAllControlled")).isFalse();
    assertThat(event.getBoolean("consigneesAffected")).isFalse();
    assertThat(event.getString("effectiveFrom")).isEqualTo("2026-11-11");

    JsonObject history = Await.result(fixture.bus().request(Addresses.REGIME_HISTORY, new JsonObject().put("limit", 1),
        ADMIN));
    assertThat(history.getJsonArray("events").getJsonObject(0).getString("entityType")).isEqualTo("ANNOUNCEMENT");

    ServiceException again = refused(body, ADMIN);
    assertThat(again.code()).isEqualTo(FailureCode.CONFLICT);
    assertThat(again.errors()).extracting(FieldError::field)
        .contains("measures[0].id", "measures[1].id", "suspensions[1].from");
    assertThat(footprint()).isEqualTo(after);
  }
}
