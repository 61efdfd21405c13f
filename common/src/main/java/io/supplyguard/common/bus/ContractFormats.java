package io.supplyguard.common.bus;

import io.vertx.json.schema.JsonFormatValidator;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * The formats the contract names beyond JSON Schema's own, checked wherever a message is
 * validated against it. {@code decimal-3}: a number with at most 3 decimals, read from the number
 * as written, because the validator's {@code multipleOf} compares doubles with a tolerance and lets
 * 1.0000001 through. {@code iso-3166-alpha-2}: a country code that exists, a rule that an enum of
 * 249 codes would state too, but in an error message a client could not read.
 */
public final class ContractFormats implements JsonFormatValidator {
  public static final String DECIMAL_3 = "decimal-3";
  public static final String COUNTRY = "iso-3166-alpha-2";
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Override
  public String validateFormat(String instanceType, String format, Object instance) {
    if (DECIMAL_3.equals(format) && instance instanceof Number number && decimals(number) > 3) {
      return "must have at most 3 decimals (grams)";
    }
    if (COUNTRY.equals(format) && instance instanceof String code && !COUNTRIES.contains(code)) {
      return "must be an ISO 3166 alpha-2 country code such as DE or US";
    }
    return null;
  }

  /** A double's shortest decimal form is the number its sender wrote (1.0E-7, 123456789.123). */
  private static int decimals(Number number) {
    BigDecimal exact = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    return Math.max(0, exact.stripTrailingZeros().scale());
  }
}
