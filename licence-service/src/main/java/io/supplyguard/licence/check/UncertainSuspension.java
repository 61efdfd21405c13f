package io.supplyguard.licence.check;

import io.supplyguard.licence.regime.Suspension;
import java.time.LocalDate;
import java.util.Comparator;

/**
 * A suspension of a covering requirement that ends inside a supply's horizon: had it been
 * extended past the horizon, its measure would not count on its account.
 */
public record UncertainSuspension(String measureId, Suspension suspension) {

  /** By last day, then measure, then id: the order of the splits and of the futures. */
  public static final Comparator<UncertainSuspension> ORDER = Comparator
      .comparing(UncertainSuspension::lastDay)
      .thenComparing(UncertainSuspension::measureId)
      .thenComparing(u -> u.suspension().id(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(u -> u.suspension().reference());

  public LocalDate lastDay() {
    return suspension.lastDay();
  }
}
