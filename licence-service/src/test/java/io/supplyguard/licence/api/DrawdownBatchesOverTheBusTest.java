package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.generalLicence;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.BusClient;
import io.supplyguard.common.bus.FailureCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drawdowns that wait for a transaction share the next one. To make them wait, the test locks
 * a licence and sends as many drawdowns on it as batches run at once; what it sends next waits
 * until it releases the lock.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrawdownBatchesOverTheBusTest {
  private LicenceFixture fixture;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext test) {
    LicenceFixture.start(vertx).compose(started -> {
      fixture = started;
      // A drawdown that fails in the database itself, after its batch has started.
      return started.db().query("""
          CREATE FUNCTION licence.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.shipment_ref = 'POISON' THEN RAISE EXCEPTION 'poisoned drawdown'; END IF;
            RETURN NEW;
          END $$;
          CREATE TRIGGER refuse_poison BEFORE INSERT ON licence.drawdown
            FOR EACH ROW EXECUTE FUNCTION licence.refuse_poison();""").execute();
    }).onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("waiting drawdowns share one transaction; each is drawn once, in order on one licence, refusals and replays answered as if alone")
  void waitingDrawdownsShareATransaction(Vertx vertx, VertxTestContext test) {
    List<String> ids = new ArrayList<>();
    List<Future<JsonObject>> keyed = new ArrayList<>();
    List<Future<JsonObject>> replays = new ArrayList<>();
    List<Future<JsonObject>> refused = new ArrayList<>();
    List<Future<JsonObject>> oneLicence = new ArrayList<>();
    registered("t-batch", 12).compose(licences -> {
      ids.addAll(licences);
      return fixture.register("t-batch-other", generalLicence(10)).map(other -> other.getString("id"));
    }).compose(otherTenants -> whileWaiting(vertx, "t-batch", () -> {
      for (int i = 0; i < 10; i++) {
        keyed.add(draw(ids.get(i), 4, "KEYED-" + i, tenant("t-batch", "key-" + i)));
      }
      for (int i = 0; i < 3; i++) {
        replays.add(draw(ids.get(i), 4, "KEYED-" + i, tenant("t-batch", "key-" + i)));
      }
      refused.add(draw(ids.get(10), 11, "OVER-CAP", tenant("t-batch")));
      refused.add(draw(otherTenants, 1, "NOT-MINE", tenant("t-batch")));
      // Four on one licence of 10 kg, decided in order: the third would pass the cap, the fourth fits.
      for (double kg : new double[] {4, 4, 4, 1}) {
        oneLicence.add(draw(ids.get(11), kg, "ONE-" + oneLicence.size(), tenant("t-batch")));
      }
      List<Future<JsonObject>> all = new ArrayList<>(keyed);
      all.addAll(oneLicence);
      all.addAll(replays);
      all.addAll(refused);
      return all;
    })).compose(v -> fixture.db().query("SELECT count(*) AS n, count(DISTINCT xmin::text) AS transactions, "
        + "sum(quantity_kg) AS kg FROM licence.drawdown WHERE shipment_ref LIKE 'KEYED-%' OR shipment_ref LIKE 'ONE-%'")
        .execute())
        .compose(rows -> fixture.db().query("SELECT drawn_kg FROM licence.licence WHERE id IN ("
            + quoted(ids) + ") ORDER BY drawn_kg").execute().map(drawn -> {
              test.verify(() -> {
                assertThat(keyed).allMatch(Future::succeeded);
                for (int i = 0; i < 3; i++) {
                  assertThat(replays.get(i).result()).isEqualTo(keyed.get(i).result());
                }
                assertRefused(refused.get(0).cause(), FailureCode.CONFLICT, "quantityKg");
                assertRefused(refused.get(1).cause(), FailureCode.NOT_FOUND);
                assertThat(oneLicence.get(0).result().getDouble("remainingKg")).isEqualTo(6.0);
                assertThat(oneLicence.get(1).result().getDouble("remainingKg")).isEqualTo(2.0);
                assertRefused(oneLicence.get(2).cause(), FailureCode.CONFLICT, "quantityKg");
                assertThat(oneLicence.get(3).result().getDouble("remainingKg")).isEqualTo(1.0);
                Row stored = rows.iterator().next();
                assertThat(stored.getLong("n")).isEqualTo(13);
                assertThat(stored.getBigDecimal("kg")).isEqualByComparingTo("49");
                // Without batching each drawdown is its own transaction: 13.
                assertThat(stored.getLong("transactions")).isEqualTo(1);
                List<Double> kg = new ArrayList<>();
                drawn.forEach(row -> kg.add(row.getBigDecimal("drawn_kg").doubleValue()));
                assertThat(kg).containsExactly(0.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 9.0);
              });
              return drawn;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a drawdown that fails in the database fails alone: the others of its batch are drawn")
  void aFailureStaysWithItsDrawdown(Vertx vertx, VertxTestContext test) {
    List<Future<JsonObject>> draws = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    registered("t-poison", 6).compose(licences -> {
      ids.addAll(licences);
      return whileWaiting(vertx, "t-poison", () -> {
        for (int i = 0; i < 6; i++) {
          draws.add(draw(ids.get(i), 2, i == 3 ? "POISON" : "FINE-" + i, tenant("t-poison")));
        }
        return draws;
      });
    }).compose(v -> fixture.db().query("SELECT id, drawn_kg FROM licence.licence WHERE id IN (" + quoted(ids)
        + ")").execute()).map(rows -> {
          test.verify(() -> {
            for (int i = 0; i < 6; i++) {
              if (i == 3) {
                assertRefused(draws.get(i).cause(), FailureCode.INTERNAL);
              } else {
                assertThat(draws.get(i).succeeded()).as("drawdown " + i).isTrue();
              }
            }
            rows.forEach(row -> assertThat(row.getBigDecimal("drawn_kg"))
                .isEqualByComparingTo(row.getUUID("id").toString().equals(ids.get(3)) ? "0" : "2"));
          });
          return rows;
        })
        .onComplete(test.succeedingThenComplete());
  }

  /**
   * Locks a licence of {@code tenant}, occupies every batch with a drawdown on it, sends what
   * {@code send} sends (it waits), then releases the lock; completes when every answer is in.
   */
  private Future<Void> whileWaiting(Vertx vertx, String tenant, Supplier<List<Future<JsonObject>>> send) {
    return fixture.register(tenant, generalLicence(100)).compose(blocker -> fixture.db().getConnection()
        .compose(connection -> connection.begin().compose(tx -> connection.query(
                "SELECT id FROM licence.licence WHERE id = '" + blocker.getString("id") + "' FOR UPDATE").execute()
            .compose(locked -> {
              List<Future<JsonObject>> all = new ArrayList<>();
              for (int i = 0; i < Drawdowns.BATCHES_IN_FLIGHT; i++) {
                all.add(draw(blocker.getString("id"), 1, "BLOCKED-" + i, tenant(tenant)));
              }
              all.addAll(send.get());
              // Time for the bus to hand the waiting drawdowns over before the lock goes; each is
              // checked against the contract first now, and 500 ms once fell short on a loaded machine.
              Promise<Void> waited = Promise.promise();
              vertx.setTimer(1500, t -> waited.complete());
              return waited.future().compose(v -> tx.commit()).compose(v -> Future.join(all).otherwiseEmpty());
            }))
            .eventually(() -> closeQuietly(connection))).mapEmpty());
  }

  private Future<List<String>> registered(String tenant, int count) {
    List<Future<JsonObject>> licences = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      licences.add(fixture.register(tenant, generalLicence(10)));
    }
    return Future.all(licences).map(all -> licences.stream().map(f -> f.result().getString("id")).toList());
  }

  private Future<JsonObject> draw(String licenceId, double kg, String shipmentRef, BusClient.Caller caller) {
    return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licenceId).put("quantityKg", kg)
        .put("shipmentRef", shipmentRef), caller);
  }

  private static Future<Void> closeQuietly(SqlConnection connection) {
    return connection.close().otherwiseEmpty();
  }

  private static String quoted(List<String> ids) {
    return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
  }
}
