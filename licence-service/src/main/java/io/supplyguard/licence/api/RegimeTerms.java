package io.supplyguard.licence.api;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.licence.store.Regime;
import io.vertx.core.json.JsonArray;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The element symbols and item forms of a request, which the contract types as text: which of them
 * exist is the regime's data (an operator adds a form), so it is checked here, against the regime read.
 */
final class RegimeTerms {

  private RegimeTerms() {
  }

  /** The symbols of {@code field}; each unknown one is added to {@code errors} as {@code prefix + field[i]}. */
  static Set<String> elements(Regime regime, JsonArray values, String prefix, String field, List<FieldError> errors) {
    return known(values, regime::isElement, "a rare-earth element symbol such as Dy", prefix + field, errors);
  }

  /** The forms of {@code field}; each the regime does not know is added to {@code errors}. */
  static Set<String> forms(Regime regime, JsonArray values, String prefix, String field, List<FieldError> errors) {
    return known(values, regime.forms()::contains, "one of " + regime.forms().stream().sorted().toList(),
        prefix + field, errors);
  }

  /** A list the contract has checked as text, as a set; null when {@code values} is. */
  static Set<String> strings(JsonArray values) {
    if (values == null) {
      return null;
    }
    Set<String> all = new LinkedHashSet<>();
    values.forEach(value -> all.add((String) value));
    return all;
  }

  private static Set<String> known(JsonArray values, Predicate<String> known, String what, String field,
      List<FieldError> errors) {
    if (values == null) {
      return null;
    }
    for (int i = 0; i < values.size(); i++) {
      if (!known.test(values.getString(i))) {
        errors.add(new FieldError(field + "[" + i + "]", "must be " + what));
      }
    }
    return strings(values);
  }
}
