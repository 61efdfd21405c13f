package io.supplyguard.licence.api;

import io.supplyguard.common.bus.BodyReader;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceLifecycle;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A licence being registered, from a request, with the defaults the regime implies. */
final class LicenceInput {

  private LicenceInput() {
  }

  /**
   * @param reviewWorkingDays MOFCOM's review period: an application's decision is due this many
   *     working days after submission
   */
  static Licence register(JsonObject body, String tenantId, Regime regime, LocalDate today, WorkingDays calendar,
      int reviewWorkingDays) {
    BodyReader in = new BodyReader(body);
    LicenceType type = in.oneOf("type", LicenceType.class, true);
    String exporter = in.text("exporter", true, 200);
    String reference = in.text("reference", false, 100);
    Set<String> elements = in.strings("elements", true, false, regime::isElement, "a rare-earth element symbol such as Dy");
    Set<String> forms = in.strings("forms", true, false, regime.forms()::contains,
        "one of " + regime.forms().stream().sorted().toList());
    BigDecimal quantity = in.quantity("quantityKg", true);
    String destination = in.country("destination", true);
    String endUse = in.code("endUse", true);
    LocalDate validFrom = in.date("validFrom", false);
    LocalDate validTo = in.date("validTo", false);
    LicenceStatus status = in.oneOf("status", LicenceStatus.class, false);
    if (status != null && !LicenceLifecycle.canStartIn(status)) {
      in.error("status", "a licence is registered as APPLIED (an application) or ACTIVE (already granted)");
    }
    if (type != null) {
      LocalDate from = validFrom == null ? today : validFrom;
      int maxYears = type.maxValidityYears();
      LocalDate to = validTo == null ? LicenceType.defaultValidTo(from) : validTo;
      if (to.isBefore(from)) {
        in.error("validTo", "must not be before validFrom");
      } else if (!type.allowsValidity(from, to)) {
        in.error("validTo", "a " + type + " licence is valid at most " + maxYears + " year" + (maxYears > 1 ? "s" : ""));
      }
      validFrom = from;
      validTo = to;
    }
    in.check();
    LicenceStatus initial = status != null ? status : type.registeredAs();
    LocalDate dueBy = initial == LicenceStatus.APPLIED ? calendar.after(today, reviewWorkingDays) : null;
    return new Licence(UUID.randomUUID(), tenantId, type, exporter, reference, elements, forms, quantity,
        BigDecimal.ZERO, validFrom, validTo, destination, endUse, initial, null, today, dueBy, null, null);
  }
}
