package io.supplyguard.licence.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** An export licence that covers part of a tenant's supply. Quantities are kg, exact to the gram. */
public record Licence(
    UUID id,
    String tenantId,
    LicenceType type,
    String exporter,
    String reference,
    Set<String> elements,
    Set<String> forms,
    BigDecimal quantityKg,
    BigDecimal drawnKg,
    LocalDate validFrom,
    LocalDate validTo,
    String destination,
    String endUse,
    LicenceStatus status,
    String statusReason,
    LocalDate submittedOn,
    LocalDate decisionDueBy,
    Instant createdAt,
    Instant updatedAt) {

  public Licence {
    elements = Set.copyOf(elements);
    forms = Set.copyOf(forms);
  }

  public BigDecimal remainingKg() {
    return quantityKg.subtract(drawnKg);
  }

  /** Drawn over cap, between 0 and 1. */
  public double utilisation() {
    return drawnKg.divide(quantityKg, 6, RoundingMode.HALF_UP).doubleValue();
  }

  public boolean validOn(LocalDate date) {
    return !date.isBefore(validFrom) && !date.isAfter(validTo);
  }

  /** Why drawing {@code kg} on {@code day} is refused; empty when it is allowed. */
  public Optional<DrawRefusal> refusesDrawing(BigDecimal kg, LocalDate day) {
    if (status != LicenceStatus.ACTIVE) {
      return Optional.of(DrawRefusal.NOT_ACTIVE);
    }
    if (!validOn(day)) {
      return Optional.of(DrawRefusal.NOT_VALID_ON_THE_DAY);
    }
    if (kg.compareTo(remainingKg()) > 0) {
      return Optional.of(DrawRefusal.OVER_THE_CAP);
    }
    return Optional.empty();
  }

  /** Why its owner cannot make it {@code target} on {@code today}; empty when the change is allowed. */
  public Optional<StatusRefusal> refusesBecoming(LicenceStatus target, LocalDate today) {
    if (!LicenceLifecycle.allowed(status, target)) {
      return Optional.of(StatusRefusal.NOT_ALLOWED_FROM);
    }
    // Past validTo it covers nothing, whatever its status says until the calendar marks it EXPIRED.
    if (target == LicenceStatus.ACTIVE && validTo.isBefore(today)) {
      return Optional.of(StatusRefusal.PAST_VALID_TO);
    }
    return Optional.empty();
  }

  /** This licence with {@code kg} more drawn at {@code at}: EXHAUSTED when nothing remains. */
  public Licence drawn(BigDecimal kg, Instant at) {
    BigDecimal drawn = drawnKg.add(kg);
    LicenceStatus after = drawn.compareTo(quantityKg) == 0 ? LicenceStatus.EXHAUSTED : status;
    return new Licence(id, tenantId, type, exporter, reference, elements, forms, quantityKg, drawn, validFrom,
        validTo, destination, endUse, after, statusReason, submittedOn, decisionDueBy, createdAt, at);
  }
}
