package io.supplyguard.gateway.routes;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Map;
import java.util.Optional;

/**
 * The body of the bus message a route sends, built from the request the contract validated.
 * Parts compose with {@link #of}: the validated JSON body, path parameters, query parameters,
 * each under the field name the bus address documents (see {@code Addresses}).
 */
@FunctionalInterface
public interface Body {

  JsonObject from(RoutingContext ctx);

  /** The parts merged in order; a later part's field wins (a path's {@code id} over a body's). */
  static Body of(Body... parts) {
    return ctx -> {
      JsonObject body = new JsonObject();
      for (Body part : parts) {
        body.mergeIn(part.from(ctx));
      }
      return body;
    };
  }

  /** No fields, for requests that carry none. */
  static Body empty() {
    return ctx -> new JsonObject();
  }

  /** The request's JSON body as validated. */
  static Body json() {
    return ctx -> {
      RequestParameter body = validated(ctx).getBody();
      return body == null || body.isNull() ? new JsonObject() : body.getJsonObject().copy();
    };
  }

  /** A path parameter under its own name. */
  static Body path(String name) {
    return path(name, name);
  }

  /** A path parameter under the name the bus address expects (the measure's {@code id} as {@code measureId}). */
  static Body path(String name, String as) {
    return ctx -> present(validated(ctx).getPathParameters(), name)
        .map(value -> new JsonObject().put(as, value))
        .orElseGet(JsonObject::new);
  }

  /**
   * The named query parameters under their own names. An absent one takes the default its
   * schema declares, so that a service sees the same value the contract documents; without
   * a default it is left out.
   */
  static Body query(String... names) {
    return ctx -> {
      Map<String, RequestParameter> query = validated(ctx).getQuery();
      JsonObject body = new JsonObject();
      for (String name : names) {
        present(query, name).or(() -> queryDefault(ctx, name)).ifPresent(value -> body.put(name, value));
      }
      return body;
    };
  }

  private static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  private static Optional<Object> present(Map<String, RequestParameter> parameters, String name) {
    RequestParameter value = parameters == null ? null : parameters.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.get());
  }

  private static Optional<Object> queryDefault(RoutingContext ctx, String name) {
    Operation operation = ctx.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION);
    return Optional.ofNullable(operation).stream()
        .flatMap(op -> op.getParameters().stream())
        .filter(p -> p.getIn() == Location.QUERY && p.getName().equals(name))
        .map(Parameter::getSchema)
        .filter(schema -> schema.containsKey("default"))
        .<Object>map(schema -> schema.get("default"))
        .findFirst();
  }
}
