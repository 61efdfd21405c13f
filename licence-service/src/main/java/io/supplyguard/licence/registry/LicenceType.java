package io.supplyguard.licence.registry;

import java.time.LocalDate;

/** The kinds of export licence under Decree 792, with the terms the decree sets for each. */
public enum LicenceType {
  /** Repeated exports to named customers; the rare-earth general licences of 2025 run one year. */
  GENERAL(3, LicenceStatus.ACTIVE),
  /** One export to one end user; valid up to one year. */
  INDIVIDUAL(1, LicenceStatus.APPLIED);

  private final int maxValidityYears;
  private final LicenceStatus registeredAs;

  LicenceType(int maxValidityYears, LicenceStatus registeredAs) {
    this.maxValidityYears = maxValidityYears;
    this.registeredAs = registeredAs;
  }

  /** Decree 792: an individual licence runs at most one year, a general one at most three. */
  public int maxValidityYears() {
    return maxValidityYears;
  }

  /**
   * The status a licence is registered in when none is given: a general licence is recorded once
   * granted, an individual one usually while it is applied for.
   */
  public LicenceStatus registeredAs() {
    return registeredAs;
  }

  /** The validTo of a licence registered without one: a year, whatever the type allows. */
  public static LocalDate defaultValidTo(LocalDate validFrom) {
    return validFrom.plusYears(1).minusDays(1);
  }

  /** Whether a licence of this type may run from {@code validFrom} to {@code validTo} (inclusive). */
  public boolean allowsValidity(LocalDate validFrom, LocalDate validTo) {
    return !validTo.isAfter(validFrom.plusYears(maxValidityYears).minusDays(1));
  }
}
