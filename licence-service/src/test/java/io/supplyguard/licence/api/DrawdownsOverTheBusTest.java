package io.supplyguard.licence.api;

import static io.supplyguard.licence.api.LicenceFixture.assertRefused;
import static io.supplyguard.licence.api.LicenceFixture.generalLicence;
import static io.supplyguard.licence.api.LicenceFixture.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplyguard.common.bus.Addresses;
import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Drawdowns over the bus: the cap under racing requests, idempotent replays, exhaustion and validity. Today is Monday 2026-11-30. */
class DrawdownsOverTheBusTest extends LicenceBusTest {
  @Test
  @DisplayName("200 concurrent drawdowns of 7 kg on a 1,000 kg licence: 142 succeed, 58 are refused, 994 kg drawn")
  void concurrentDrawdownsNeverOverdraw(VertxTestContext test) {
    fixture.register("t-race", generalLicence(1000)).compose(licence -> {
      String id = licence.getString("id");
      List<Future<JsonObject>> draws = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        draws.add(fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 7)
            .put("shipmentRef", "SHIP-" + i), tenant("t-race", "race-" + i)));
      }
      return Future.join(draws).otherwiseEmpty().map(v -> {
        long ok = draws.stream().filter(Future::succeeded).count();
        long conflicts = draws.stream().filter(f -> f.failed()
            && ((ServiceException) f.cause()).code() == FailureCode.CONFLICT).count();
        test.verify(() -> {
          assertThat(ok).isEqualTo(142);
          assertThat(conflicts).isEqualTo(58);
        });
        return id;
      });
    }).compose(id -> fixture.bus().request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-race")))
        .compose(licence -> fixture.db().query("SELECT count(*) AS n, sum(quantity_kg) AS kg FROM licence.drawdown WHERE licence_id = '"
            + licence.getString("id") + "'").execute().map(rows -> {
              test.verify(() -> {
                assertThat(licence.getDouble("drawnKg")).isEqualTo(994.0);
                assertThat(licence.getDouble("remainingKg")).isEqualTo(6.0);
                assertThat(licence.getString("status")).isEqualTo("ACTIVE");
                assertThat(rows.iterator().next().getLong("n")).isEqualTo(142);
                assertThat(rows.iterator().next().getBigDecimal("kg")).isEqualByComparingTo("994");
              });
              return licence;
            }))
        .onComplete(test.succeedingThenComplete());
  }

  @Test
  @DisplayName("a replay with the same key answers the first response and draws nothing; another body is a 422")
  void idempotentDrawdowns(VertxTestContext test) {
    fixture.register("t-idem", generalLicence(100)).compose(licence -> {
      String id = licence.getString("id");
      JsonObject body = new JsonObject().put("id", id).put("quantityKg", 10).put("shipmentRef", "S-1");
      return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, body, tenant("t-idem", "key-1"))
          .compose(first -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, body.copy(), tenant("t-idem", "key-1"))
              .map(second -> {
                test.verify(() -> {
                  assertThat(second).isEqualTo(first);
                  assertThat(second.getDouble("remainingKg")).isEqualTo(90.0);
                });
                return second;
              }))
          .compose(v -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, body.copy().put("quantityKg", 11),
              tenant("t-idem", "key-1")))
          .recover(unprocessable -> {
            test.verify(() -> assertRefused(unprocessable, FailureCode.UNPROCESSABLE));
            return fixture.bus().request(Addresses.LICENCE_GET, new JsonObject().put("id", id), tenant("t-idem"));
          });
    }).onComplete(test.succeeding(licence -> test.verify(() -> {
      assertThat(licence.getDouble("drawnKg")).isEqualTo(10.0);
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("drawing to the cap exhausts the licence; then, and on a licence not ACTIVE, drawdowns are 409")
  void exhaustionAndStatus(VertxTestContext test) {
    fixture.register("t-cap", generalLicence(20)).compose(licence -> {
      String id = licence.getString("id");
      return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 20)
              .put("shipmentRef", "ALL"), tenant("t-cap"))
          .compose(all -> {
            test.verify(() -> {
              assertThat(all.getString("licenceStatus")).isEqualTo("EXHAUSTED");
              assertThat(all.getDouble("remainingKg")).isEqualTo(0.0);
            });
            return fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", id).put("quantityKg", 0.001)
                .put("shipmentRef", "MORE"), tenant("t-cap"));
          });
    }).onComplete(test.failing(refused -> test.verify(() -> {
      assertRefused(refused, FailureCode.CONFLICT);
      assertThat(((ServiceException) refused).extensions().getString("licenceStatus")).isEqualTo("EXHAUSTED");
      test.completeNow();
    })));
  }

  @Test
  @DisplayName("a drawdown after validTo is a 409, even before the calendar has expired the licence")
  void drawdownAfterValidTo(VertxTestContext test) {
    fixture.register("t-late", generalLicence(100).put("validFrom", "2026-01-01").put("validTo", "2026-11-29"))
        .compose(licence -> fixture.bus().request(Addresses.LICENCE_DRAWDOWN, new JsonObject().put("id", licence.getString("id"))
            .put("quantityKg", 1).put("shipmentRef", "LATE"), tenant("t-late")))
        .onComplete(test.failing(late -> test.verify(() -> {
          assertRefused(late, FailureCode.CONFLICT);
          assertThat(((ServiceException) late).detail()).contains("2026-11-29");
          test.completeNow();
        })));
  }
}
