package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.licence.regime.Suspension;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * A new suspension from a request: on its own ({@code POST .../suspensions}) or as a part of an
 * announcement, where {@code reference}, {@code issuedOn} and {@code source} default to the
 * announcement's.
 */
record SuspensionInput(String measureId, LocalDate from, LocalDate until, String reference, LocalDate issuedOn,
    String source) {

  /**
   * Reads the fields of a suspension the bus contract has checked; one that ends before it starts
   * is added to {@code errors} under {@code prefix}.
   */
  static SuspensionInput read(JsonObject in, String prefix, List<FieldError> errors) {
    LocalDate from = LocalDate.parse(in.getString("from"));
    LocalDate until = LocalDate.parse(in.getString("until"));
    String issuedOn = in.getString("issuedOn");
    if (until.isBefore(from)) {
      errors.add(new FieldError(prefix + "until", "must not be before from (until is the last day suspended)"));
    }
    return new SuspensionInput(in.getString("measureId"), from, until, Texts.trimmed(in, "reference"),
        issuedOn == null ? null : LocalDate.parse(issuedOn), Texts.trimmed(in, "source"));
  }

  /** The suspension to store; absent fields take the defaults given (the source: the reference). */
  Suspension draft(String defaultReference, LocalDate defaultIssuedOn, String defaultSource) {
    String ref = reference != null ? reference : defaultReference;
    String src = source != null ? source : defaultSource != null ? defaultSource : ref;
    return new Suspension(null, ref, issuedOn != null ? issuedOn : defaultIssuedOn, from, until, null, src);
  }

  /** The 409 for a suspension that shares a day with {@code existing}, naming {@code field}. */
  static ServiceException overlapConflict(String field, Suspension existing) {
    return new ServiceException(FailureCode.CONFLICT,
        "The measure is already suspended from " + existing.from() + " to " + existing.lastDay() + " ("
            + existing.reference() + "). An extension starts the day after the suspension it extends ends.",
        List.of(new FieldError(field, "overlaps suspension " + existing.reference())));
  }
}
