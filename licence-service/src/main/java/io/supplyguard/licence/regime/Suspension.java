package io.supplyguard.licence.regime;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A period during which a measure does not apply. {@code until} is the last day suspended as
 * announced; a suspension lifted early stops the day before {@code liftedOn}.
 *
 * @param id null until stored
 * @param renewalProbability the probability (0 to 1) that it is extended past its last day; 0
 *     until an operator sets it
 * @param renewalNote why that probability, when one was set
 */
public record Suspension(Long id, String reference, LocalDate issuedOn, LocalDate from, LocalDate until,
    LocalDate liftedOn, String source, BigDecimal renewalProbability, String renewalNote) {

  public Suspension {
    renewalProbability = renewalProbability == null ? BigDecimal.ZERO : renewalProbability;
  }

  /** A suspension without a renewal probability (0). */
  public Suspension(Long id, String reference, LocalDate issuedOn, LocalDate from, LocalDate until,
      LocalDate liftedOn, String source) {
    this(id, reference, issuedOn, from, until, liftedOn, source, BigDecimal.ZERO, null);
  }

  /** A suspension as announced, not lifted. */
  public Suspension(String reference, LocalDate issuedOn, LocalDate from, LocalDate until, String source) {
    this(null, reference, issuedOn, from, until, null, source);
  }

  /** The last day it really suspends; before {@code from} when it was lifted before it began. */
  public LocalDate lastDay() {
    return liftedOn == null || liftedOn.isAfter(until) ? until : liftedOn.minusDays(1);
  }

  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(lastDay());
  }

  /** Whether the two share a day (a suspension that merely follows another does not). */
  public boolean overlaps(LocalDate otherFrom, LocalDate otherUntil) {
    return !otherFrom.isAfter(lastDay()) && !otherUntil.isBefore(from);
  }

  /**
   * Whether it can be lifted on {@code on}: up to its last day. Later, it has ended by itself and
   * lifting it would record an end that never happened.
   */
  public boolean liftableOn(LocalDate on) {
    return !on.isAfter(lastDay());
  }

  /**
   * Whether its last day is before {@code day}: then whether it is extended is known, no longer a
   * probability, and an extension is a suspension of its own.
   */
  public boolean endedBefore(LocalDate day) {
    return lastDay().isBefore(day);
  }

  public Suspension lift(LocalDate on) {
    return new Suspension(id, reference, issuedOn, from, until, on, source, renewalProbability, renewalNote);
  }

  /** The same suspension with another renewal probability and its note. */
  public Suspension withRenewal(BigDecimal probability, String note) {
    return new Suspension(id, reference, issuedOn, from, until, liftedOn, source, probability, note);
  }
}
