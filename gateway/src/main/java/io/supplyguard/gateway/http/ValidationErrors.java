package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.SchemaErrors;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the OpenAPI validator's verdict into {@code errors[]}: one entry per failing field,
 * named as the client wrote it. The validator's own message can name the wrong failure, so
 * fields come from the output units (read as the bus reads them, {@link SchemaErrors}); parameter
 * names from the message, which is all that carries them.
 */
final class ValidationErrors {
  private static final Pattern PARAMETER = Pattern.compile("(?i)(?:query|path|header|cookie) parameter ([^\\s.:]+)");
  /**
   * What the validator says of each enclosing keyword that failed because one of its fields did:
   * a property, an array's items, {@code allOf}, {@code $ref}, and {@code if}/{@code then}/{@code else}.
   */
  private static final Pattern ENCLOSING = Pattern.compile(
      "^(?:Property \"[^\"]*\" does not match (?:additional properties )?schema|A subschema had errors"
          + "|Items did not match schema|Instance does not match every subschema"
          + "|Instance does not match \"(?:then|else)\" schema)$");
  /**
   * The contract's text schemas, by where they fail: the validator says only that the value
   * matched their {@code not}, which tells the client nothing.
   */
  private static final Map<String, String> TEXT_RULES = Map.of(
      "/components/schemas/Text/not",
      "must not contain control characters (U+0000 to U+001F) or unpaired surrogates",
      "/components/schemas/MultilineText/not",
      "must not contain control characters other than tab and line breaks, or unpaired surrogates");
  /** The body encloses every field: a failure of the whole body says nothing its fields' failures do not. */
  private static final SchemaErrors READER = new SchemaErrors(ENCLOSING, true, TEXT_RULES);

  private ValidationErrors() {
  }

  static List<FieldError> of(ValidatorException e) {
    Matcher parameter = PARAMETER.matcher(String.valueOf(e.getMessage()));
    if (parameter.find()) {
      return List.of(new FieldError(parameter.group(1), parameterProblem(e)));
    }
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      List<FieldError> errors = READER.read(schema.getOutputUnit());
      if (!errors.isEmpty()) {
        return errors;
      }
    }
    return List.of(new FieldError("body", "is missing or is not a JSON document of the expected shape"));
  }

  private static String parameterProblem(ValidatorException e) {
    if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
      return "is required";
    }
    List<FieldError> leaves = e instanceof SchemaValidationException schema && schema.getOutputUnit() != null
        ? READER.leaves(schema.getOutputUnit()) : List.of();
    return leaves.stream().map(FieldError::message).filter(TEXT_RULES::containsValue).findFirst()
        .orElse("has a value that does not match the contract");
  }
}
