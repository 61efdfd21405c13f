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
 * The validator's verdict on a message as {@code errors[]}: one entry per failing field, named as
 * the client wrote it ({@code alternateSource.leadTimeMeanDays}, {@code changes[0].until}), in the
 * shape the gateway gives the same failures of an HTTP request (its ValidationErrors).
 */
final class SchemaErrors {
  private static final Pattern REQUIRED = Pattern.compile("required property \"?'?([^\"'\\s]+)");
  /** What the validator says of an enclosing keyword that failed because one of its fields did. */
  private static final Pattern ENCLOSING = Pattern.compile(
      "^(?:Property \"[^\"]*\" does not match (?:additional properties )?schema|A subschema had errors"
          + "|Items did not match schema|Instance does not match every subschema"
          + "|Instance does not match any subschemas|Instance does not match \"(?:then|else)\" schema)$");
  private static final Pattern ADDITIONAL = Pattern.compile("does not match additional properties schema$");

  private SchemaErrors() {
  }

  static List<FieldError> of(OutputUnit verdict) {
    List<FieldError> errors = new ArrayList<>();
    leaves(verdict, errors);
    return errors.isEmpty() ? List.of(new FieldError("body", "does not match the contract")) : mostSpecific(errors);
  }

  private static void leaves(OutputUnit unit, List<FieldError> errors) {
    List<OutputUnit> children = unit.getErrors();
    if (children != null && !children.isEmpty()) {
      children.forEach(child -> leaves(child, errors));
      return;
    }
    if (unit.getError() == null) {
      return;
    }
    String field = field(unit.getInstanceLocation());
    String message = unit.getError();
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

  /**
   * A field's own failure, without those it caused in the schemas around it; a field with no
   * failure of its own failed on {@code additionalProperties: false}: the contract has no such field.
   */
  private static List<FieldError> mostSpecific(List<FieldError> errors) {
    Map<String, List<FieldError>> byField = errors.stream()
        .collect(Collectors.groupingBy(FieldError::field, LinkedHashMap::new, Collectors.toList()));
    List<FieldError> specific = new ArrayList<>();
    byField.forEach((field, all) -> {
      List<FieldError> own = all.stream().filter(e -> !ENCLOSING.matcher(e.message()).find()).toList();
      if (!own.isEmpty()) {
        specific.addAll(own);
      } else if (byField.keySet().stream().anyMatch(f -> f.startsWith(field + ".") || f.startsWith(field + "["))) {
        return; // An enclosing object or array: its member's error says what is wrong.
      } else if (all.stream().anyMatch(e -> ADDITIONAL.matcher(e.message()).find())) {
        specific.add(new FieldError(field, "is not a property of this request"));
      } else {
        specific.add(all.get(0));
      }
    });
    return specific;
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
