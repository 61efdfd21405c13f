package io.supplyguard.common.bus;

import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A validator's verdict as {@code errors[]}: one entry per failing field, named as the client wrote it
 * ({@code alternateSource.leadTimeMeanDays}, {@code changes[0].until}). The bus and the gateway read verdicts the same
 * way, so the reading is written once here; they differ only in which messages stand for an enclosing keyword, whether
 * the body encloses every field, and the messages they put in words of their own (the gateway's ValidationErrors).
 */
public final class SchemaErrors {
  private static final Pattern REQUIRED = Pattern.compile("required property \"?'?([^\"'\\s]+)");
  private static final Pattern ADDITIONAL = Pattern.compile("does not match additional properties schema$");
  /** What the validator says of an enclosing keyword that failed because one of its fields did. */
  private static final Pattern BUS_ENCLOSING = Pattern.compile(
      "^(?:Property \"[^\"]*\" does not match (?:additional properties )?schema|A subschema had errors"
          + "|Items did not match schema|Instance does not match every subschema"
          + "|Instance does not match any subschemas|Instance does not match \"(?:then|else)\" schema)$");
  private static final SchemaErrors BUS = new SchemaErrors(BUS_ENCLOSING, false, Map.of());

  private final Pattern enclosing;
  private final boolean bodyEnclosesAll;
  private final Map<String, String> messagesByKeyword;

  /**
   * @param enclosing the messages of keywords that fail only because a field inside them did
   * @param bodyEnclosesAll whether a failure of the body as a whole is dropped when one of its fields failed
   * @param messagesByKeyword messages to give instead of the validator's, by how the failing keyword's location ends
   */
  public SchemaErrors(Pattern enclosing, boolean bodyEnclosesAll, Map<String, String> messagesByKeyword) {
    this.enclosing = enclosing;
    this.bodyEnclosesAll = bodyEnclosesAll;
    this.messagesByKeyword = messagesByKeyword;
  }

  static List<FieldError> of(OutputUnit verdict) {
    List<FieldError> errors = BUS.read(verdict);
    return errors.isEmpty() ? List.of(new FieldError("body", "does not match the contract")) : errors;
  }

  /** The fields' own failures; empty when the verdict names no failing field. */
  public List<FieldError> read(OutputUnit verdict) {
    return mostSpecific(leaves(verdict));
  }

  /** Every failure the verdict names, in its order, without duplicates. */
  public List<FieldError> leaves(OutputUnit verdict) {
    List<FieldError> errors = new ArrayList<>();
    leaves(verdict, errors);
    return errors;
  }

  private void leaves(OutputUnit unit, List<FieldError> errors) {
    List<OutputUnit> children = unit.getErrors();
    if (children != null && !children.isEmpty()) {
      children.forEach(child -> leaves(child, errors));
      return;
    }
    if (unit.getError() == null) {
      return;
    }
    String field = field(unit.getInstanceLocation());
    String message = ownMessage(unit.getAbsoluteKeywordLocation(), unit.getError());
    Matcher required = REQUIRED.matcher(message);
    if (required.find()) {
      field = field.isEmpty() ? required.group(1) : field + "." + required.group(1);
      message = "is required";
    }
    FieldError error = new FieldError(field.isEmpty() ? "body" : field, message);
    if (!errors.contains(error)) {
      errors.add(error);
    }
  }

  private String ownMessage(String keywordLocation, String message) {
    if (keywordLocation != null) {
      for (Map.Entry<String, String> own : messagesByKeyword.entrySet()) {
        if (keywordLocation.endsWith(own.getKey())) {
          return own.getValue();
        }
      }
    }
    return message;
  }

  /**
   * One field's failure comes with the failures it caused in the schemas around it ("does not match schema", even
   * "additional properties" for a declared property); only the field's own failure tells the client anything. A field
   * with nothing else failed on {@code additionalProperties: false}: the request has a property the contract does not.
   */
  private List<FieldError> mostSpecific(List<FieldError> errors) {
    Map<String, List<FieldError>> byField = errors.stream()
        .collect(Collectors.groupingBy(FieldError::field, LinkedHashMap::new, Collectors.toList()));
    List<FieldError> specific = new ArrayList<>();
    byField.forEach((field, all) -> {
      List<FieldError> own = all.stream().filter(e -> !enclosing.matcher(e.message()).find()).toList();
      if (!own.isEmpty()) {
        specific.addAll(own);
      } else if (byField.keySet().stream().anyMatch(f -> encloses(field, f))) {
        return; // An enclosing object or array: its member's error says what is wrong.
      } else if (all.stream().anyMatch(e -> ADDITIONAL.matcher(e.message()).find())) {
        specific.add(new FieldError(field, "is not a property of this request"));
      } else {
        specific.add(all.get(0));
      }
    });
    return specific;
  }

  private boolean encloses(String field, String other) {
    if (bodyEnclosesAll && field.equals("body")) {
      return !other.equals("body"); // the body's members are named without it
    }
    return other.startsWith(field + ".") || other.startsWith(field + "[");
  }

  /** {@code #/lines/0/qty} becomes {@code lines[0].qty}. */
  private static String field(String pointer) {
    if (pointer == null) {
      return "";
    }
    StringBuilder field = new StringBuilder();
    for (String part : pointer.replaceFirst("^#?/?", "").split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        field.append('[').append(part).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return field.toString();
  }
}
