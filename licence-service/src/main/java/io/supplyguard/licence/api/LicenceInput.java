package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.registry.Licence;
import io.supplyguard.licence.registry.LicenceStatus;
import io.supplyguard.licence.registry.LicenceType;
import io.supplyguard.licence.registry.WorkingDays;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A licence being registered, from a request the bus contract has checked (LicenceRequest), with the
 * defaults the regime implies; what remains to check is the regime's terms and the validity's dates.
 */
final class LicenceInput {

  private LicenceInput() {
  }

  /**
   * @param reviewWorkingDays MOFCOM's review period: an application's decision is due this many
   *     working days after submission
   */
  static Licence register(JsonObject body, String tenantId, Regime regime, LocalDate today, WorkingDays calendar,
      int reviewWorkingDays) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> elements = RegimeTerms.elements(regime, body.getJsonArray("elements"), "", "elements", errors);
    Set<String> forms = RegimeTerms.forms(regime, body.getJsonArray("forms"), "", "forms", errors);
    LicenceType type = LicenceType.valueOf(body.getString("type"));
    LocalDate from = date(body, "validFrom", today);
    LocalDate to = date(body, "validTo", LicenceType.defaultValidTo(from));
    if (to.isBefore(from)) {
      errors.add(new FieldError("validTo", "must not be before validFrom"));
    } else if (!type.allowsValidity(from, to)) {
      int maxYears = type.maxValidityYears();
      errors.add(new FieldError("validTo", "a " + type + " licence is valid at most " + maxYears + " year"
          + (maxYears > 1 ? "s" : "")));
    }
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
    // The contract allows APPLIED and ACTIVE only, the states a licence can start in.
    String status = body.getString("status");
    LicenceStatus initial = status != null ? LicenceStatus.valueOf(status) : type.registeredAs();
    LocalDate dueBy = initial == LicenceStatus.APPLIED ? calendar.after(today, reviewWorkingDays) : null;
    BigDecimal quantity = new BigDecimal(body.getNumber("quantityKg").toString());
    return new Licence(UUID.randomUUID(), tenantId, type, Texts.trimmed(body, "exporter"),
        Texts.trimmed(body, "reference"), elements, forms, quantity, BigDecimal.ZERO, from, to,
        body.getString("destination"), body.getString("endUse"), initial, null, today, dueBy, null, null);
  }

  private static LocalDate date(JsonObject body, String field, LocalDate absent) {
    String text = body.getString(field);
    return text == null ? absent : LocalDate.parse(text);
  }
}
