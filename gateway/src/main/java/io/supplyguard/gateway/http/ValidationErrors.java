package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the OpenAPI validator's verdict into {@code errors[]}: one entry per failing field,
 * named as the client wrote it. The validator's own message can name the wrong failure, so
 * fields come from the output units; parameter names from the message, which is all that
 * carries them.
 */
final class ValidationErrors {
  private static final Pattern PARAMETER = Pattern.compile("(?i)(?:query|path|header|cookie) parameter ([^\\s.:]+)");
  private static final Pattern REQUIRED = Pattern.compile("required property \"?'?([^\"'\\s]+)");

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
        return errors;
      }
    }
    return List.of(new FieldError("body", "is missing or is not a JSON document of the expected shape"));
  }

  private static String parameterProblem(ValidatorException e) {
    return switch (e.type()) {
      case MISSING_REQUIRED_PARAMETER -> "is required";
      default -> "has a value that does not match the contract";
    };
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
