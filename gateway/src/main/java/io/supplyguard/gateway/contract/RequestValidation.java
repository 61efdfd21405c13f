package io.supplyguard.gateway.contract;

import io.supplyguard.common.bus.ServiceException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates each request against its operation in the contract, in place of the router's own
 * validation handler and to the same effect: the validated request is put where the router
 * puts it, and a request that does not match fails with a 400 carrying the validator's error.
 */
public final class RequestValidation {
  private final EventLoopValidator validator;
  private final RequestExtractor extractor;

  public RequestValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor) {
    this.validator = new EventLoopValidator(vertx, contract);
    this.extractor = extractor;
  }

  /** The handler that validates requests to {@code operation}. */
  public Handler<RoutingContext> of(Operation operation) {
    return ctx -> extractor.extractValidatableRequest(ctx, operation).onComplete(extracted -> {
      if (extracted.failed()) {
        ctx.fail(extracted.cause());
        return;
      }
      ValidatedRequest validated;
      try {
        validated = validator.validateNow(extracted.result(), operation);
      } catch (ValidatorException e) {
        ctx.fail(new HttpException(400, e.getMessage(), e));
        return;
      } catch (NumberFormatException e) {
        // The validator turns numbers into decimals and cannot for one whose double is infinite
        // (JSON allows 1e309): only then is the body read again, to name the field.
        RequestParameter body = extracted.result().getBody();
        ctx.fail(ServiceException.invalidField(FiniteNumbers.firstInfinite(body == null ? null : body.get())
            .orElse("body"), "must be a finite number"));
        return;
      }
      ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
      ctx.next();
    });
  }
}
