package io.supplyguard.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the fields of a request body, collecting every problem with the field it concerns,
 * so that one 400 names them all. A service validates what it is sent even when the gateway
 * has validated it against the contract already: the bus is an entry point too.
 */
public final class BodyReader {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000");

  private final JsonObject body;
  private final List<FieldError> errors = new ArrayList<>();

  public BodyReader(JsonObject body) {
    this.body = body == null ? new JsonObject() : body;
  }

  public static boolean isCountry(String code) {
    return COUNTRIES.contains(code);
  }

  public boolean has(String field) {
    return body.getValue(field) != null;
  }

  public String text(String field, boolean required, int maxLength) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      return error(field, "must be a non-blank string");
    }
    if (text.length() > maxLength) {
      return error(field, "must be at most " + maxLength + " characters");
    }
    return text.trim();
  }

  public LocalDate date(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof String text) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // falls through to the error below
    }
    return error(field, "must be a date in the form YYYY-MM-DD");
  }

  /** A positive quantity in kg, exact to the gram. */
  public BigDecimal quantity(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || (number instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return error(field, "must be a number of kilograms");
    }
    BigDecimal quantity = new BigDecimal(number.toString());
    if (quantity.signum() <= 0) {
      return error(field, "must be greater than 0");
    }
    if (quantity.compareTo(MAX_QUANTITY) > 0) {
      return error(field, "must be at most " + MAX_QUANTITY.toPlainString() + " kg");
    }
    if (quantity.stripTrailingZeros().scale() > 3) {
      return error(field, "must have at most 3 decimals (grams)");
    }
    return quantity;
  }

  /**
   * A finite number in a range.
   *
   * @param minInclusive whether {@code min} itself is allowed
   * @param maxExclusive whether {@code max} itself is excluded
   */
  public Double number(String field, boolean required, double min, boolean minInclusive, double max,
      boolean maxExclusive) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      return error(field, "must be a finite number");
    }
    double x = number.doubleValue();
    boolean aboveMin = minInclusive ? x >= min : x > min;
    boolean belowMax = maxExclusive ? x < max : x <= max;
    if (!aboveMin || !belowMax) {
      return error(field, "must be " + (minInclusive ? ">= " : "> ") + num(min)
          + (Double.isInfinite(max) ? "" : " and " + (maxExclusive ? "< " : "<= ") + num(max)));
    }
    return x;
  }

  /** An optional nested object, read by its own reader whose errors are named under {@code field.}. */
  public JsonObject object(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      return error(field, "must be an object");
    }
    return object;
  }

  /** Adds the problems of a nested reader under {@code prefix}. */
  public void include(String prefix, BodyReader nested) {
    errors.addAll(nested.errors(prefix));
  }

  private static String num(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }

  public Integer integer(String field, boolean required, int min, int max) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      return error(field, "must be a whole number from " + min + " to " + max);
    }
    return ((Number) value).intValue();
  }

  public Long longValue(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      return error(field, "must be a whole number");
    }
    return ((Number) value).longValue();
  }

  public Boolean bool(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      return error(field, "must be true or false");
    }
    return b;
  }

  public <E extends Enum<E>> E oneOf(String field, Class<E> type, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    for (E candidate : type.getEnumConstants()) {
      if (candidate.name().equals(value)) {
        return candidate;
      }
    }
    return error(field, "must be one of " + List.of(type.getEnumConstants()));
  }

  /** An ISO 3166 alpha-2 country code. */
  public String country(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String code) || !COUNTRIES.contains(code)) {
      return error(field, "must be an ISO 3166 alpha-2 country code such as DE or US");
    }
    return code;
  }

  /** An UPPER_SNAKE code such as an end use (CIVIL, MILITARY). */
  public String code(String field, boolean required) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String code) || !CODE.matcher(code).matches()) {
      return error(field, "must be an UPPER_SNAKE code such as CIVIL");
    }
    return code;
  }

  /**
   * A list of distinct strings, each accepted by {@code known}.
   *
   * @param what names what an entry must be, for the error ("a rare-earth element symbol")
   */
  public Set<String> strings(String field, boolean required, boolean mayBeEmpty, Predicate<String> known, String what) {
    Object value = present(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      return error(field, "must be a list");
    }
    if (array.isEmpty() && !mayBeEmpty) {
      return error(field, "must name at least one");
    }
    Set<String> result = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Object entry = array.getValue(i);
      if (!(entry instanceof String text) || !known.test(text)) {
        error(field + "[" + i + "]", "must be " + what);
      } else {
        result.add(text);
      }
    }
    return result;
  }

  /** Records a problem found by the caller's own rules. */
  public <T> T error(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The problems found so far, each field prefixed (for a body nested in a list). */
  public List<FieldError> errors(String prefix) {
    return errors.stream().map(e -> new FieldError(prefix + e.field(), e.message())).toList();
  }

  /** Fails with a 400 naming every field in error, if any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ServiceException.invalidFields(errors);
    }
  }

  private Object present(String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null && required) {
      errors.add(new FieldError(field, "is required"));
    }
    return value;
  }
}
