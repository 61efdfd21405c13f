package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the OpenAPI validator's verdict into {@code errors[]}: one entry per failing field,
 * named as the client wrote it. The validator's own message can name the wrong failure, so
 * fields come from the output units; parameter names from the message, which is all that
 * carries them.
 */
final class ValidationErrors {
  private static final Pattern PARAMETER = Pattern.compile("(?i)(?:query|path|header|cookie) parameter ([^\\s.:]+)");
  private static final Pattern REQUIRED = Pattern.compile("required property \"?'?([^\"'\\s]+)");
  /**
   * What the validator says of each enclosing keyword that failed because one of its fields did:
   * a property, an array's items, {@code allOf}, {@code $ref}, and {@code if}/{@code then}/{@code else}.
   */
  private static final Pattern ENCLOSING = Pattern.compile(
      "^(?:Property \"[^\"]*\" does not match (?:additional properties )?schema|A subschema had errors"
          + "|Items did not match schema|Instance does not match every subschema"
          + "|Instance does not match \"(?:then|else)\" schema)$");
  private static final Pattern ADDITIONAL = Pattern.compile("does not match additional properties schema$");
  /**
   * The contract's text schemas, by where they fail: the validator says only that the value
   * matched their {@code not}, which tells the client nothing.
   */
  private static final Map<String, String> TEXT_RULES = Map.of(
      "/components/schemas/Text/not",
      "must not contain control characters (U+0000 to U+001F) or unpaired surrogates",
      "/components/schemas/MultilineText/not",
      "must not contain control characters other than tab and line breaks, or unpaired surrogates");

  private ValidationErrors() {
  }

  static List<FieldError> of(ValidatorException e) {
    Matcher parameter = PARAMETER.matcher(String.valueOf(e.getMessage()));
    if (parameter.find()) {
      return List.of(new FieldError(parameter.group(1), parameterProblem(e)));
    }
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      List<FieldError> errors = new ArrayList<>();
      leaves(schema.getOutputUnit(), errors);
      if (!errors.isEmpty()) {
        return mostSpecific(errors);
      }
    }
    return List.of(new FieldError("body", "is missing or is not a JSON document of the expected shape"));
  }

  private static String parameterProblem(ValidatorException e) {
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
      return "is required";
    }
    List<FieldError> leaves = new ArrayList<>();
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      leaves(schema.getOutputUnit(), leaves);
    }
    return leaves.stream().map(FieldError::message).filter(TEXT_RULES::containsValue).findFirst()
        .orElse("has a value that does not match the contract");
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
    String field = pointerToField(unit.getInstanceLocation());
    String message = textRule(unit.getAbsoluteKeywordLocation(), unit.getError());
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

  private static String textRule(String location, String message) {
    if (location != null) {
      for (Map.Entry<String, String> rule : TEXT_RULES.entrySet()) {
        if (location.endsWith(rule.getKey())) {
          return rule.getValue();
        }
      }
    }
    return message;
  }

  /**
   * One field's failure comes with the failures it caused in the schemas around it ("does not
   * match schema", even "additional properties" for a declared property); only the field's own
   * failure tells the client anything. A field with nothing else failed on
   * {@code additionalProperties: false}: the request has a property the contract does not.
   */
  private static List<FieldError> mostSpecific(List<FieldError> errors) {
    Map<String, List<FieldError>> byField = errors.stream()
        .collect(Collectors.groupingBy(FieldError::field, LinkedHashMap::new, Collectors.toList()));
    List<FieldError> specific = new ArrayList<>();
    byField.forEach((field, all) -> {
      List<FieldError> own = all.stream().filter(e -> !ENCLOSING.matcher(e.message()).find()).toList();
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

  /** The body encloses every field; its members are named without it. */
  private static boolean encloses(String field, String other) {
    return field.equals("body") ? !other.equals("body") : other.startsWith(field + ".") || other.startsWith(field + "[");
  }

  /** {@code #/lines/0/qty} becomes {@code lines[0].qty}. */
  private static String pointerToField(String pointer) {
    if (pointer == null) {
      return "";
    }
    String path = pointer.replaceFirst("^#?/?", "");
    StringBuilder field = new StringBuilder();
    for (String part : path.split("/")) {
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
