package io.supplyguard.licence.registry;

/** The kinds of export licence under Decree 792. */
public enum LicenceType {
  /** Repeated exports to named customers; the rare-earth general licences of 2025 run one year. */
  GENERAL,
  /** One export to one end user; valid up to one year. */
  INDIVIDUAL
}
