package io.supplyguard.gateway.contract;

import io.vertx.core.Vertx;
import io.vertx.json.schema.JsonSchemaValidationException;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import java.util.HashMap;
import java.util.Map;

/**
 * vertx-openapi's request validation, the same checks and errors, run where it is called.
 * The library hands each validation to a worker thread and back; with validators reused it
 * costs microseconds, bodies are capped at the gateway's body limit, and the two hops cost more
 * than the work. EventLoopValidatorTest fails when the library no longer does what this class
 * works around, or when its loop is no longer the one copied here.
 */
final class EventLoopValidator extends RequestValidatorImpl {

  EventLoopValidator(Vertx vertx, OpenAPIContract contract) {
    super(vertx, contract);
  }

  /**
   * A string parameter in the simple or form style (every path and query parameter of ours) is
   * validated as the string it is. The library first tries it as a JSON document and, when that
   * throws, as a quoted string: an exception with its stack trace for every id and date, a fifth
   * of the gateway's CPU on a write. It would also turn {@code -5} or {@code "x"} into a number or
   * an unquoted string before checking them against a string schema. (vertx-openapi 5.1 takes a
   * string parameter as it is, and this override can go with the upgrade.)
   */
  @Override
  public RequestParameter validateParameter(Parameter parameter, RequestParameter value) throws ValidatorException {
    boolean plainString = parameter.getSchemaType() == SchemaType.STRING
        && (parameter.getStyle() == Style.SIMPLE || parameter.getStyle() == Style.FORM);
    if (!plainString || value == null || value.isNull()) {
      return super.validateParameter(parameter, value);
    }
    String text = String.valueOf(value.get());
    OutputUnit result = contract.getSchemaRepository().validator(parameter.getSchema()).validate(text);
    try {
      result.checkValidity();
      return new RequestParameterImpl(text);
    } catch (JsonSchemaValidationException e) {
      throw SchemaValidationException.createErrorFromOutputUnitType(parameter, result, e);
    }
  }

  /** As {@code RequestValidatorImpl.validate} does on its worker. */
  ValidatedRequest validateNow(ValidatableRequest request, Operation operation) throws ValidatorException {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case COOKIE -> cookies.put(name, validateParameter(parameter, request.getCookies().get(name)));
        case HEADER -> headers.put(name, validateParameter(parameter, request.getHeaders().get(name)));
        case PATH -> path.put(name, validateParameter(parameter, request.getPathParameters().get(name)));
        case QUERY -> query.put(name, validateParameter(parameter, request.getQuery().get(name)));
      }
    }
    RequestParameter body = validateBody(operation.getRequestBody(), request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }
}
