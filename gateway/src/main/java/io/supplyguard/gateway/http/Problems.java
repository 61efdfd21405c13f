package io.supplyguard.gateway.http;

import io.supplyguard.common.bus.FailureCode;
import io.supplyguard.common.bus.FieldError;
import io.supplyguard.common.bus.ServiceException;
import io.supplyguard.common.db.DatabaseFailures;
import io.supplyguard.gateway.resilience.Rejection;
import io.supplyguard.gateway.tracing.RequestIds;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapper: every failure becomes an RFC 9457 {@code application/problem+json}
 * response. Exception text never reaches the client, except the details written for it
 * (ServiceException, HttpException messages of our own handlers).
 */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  public static final String CONTENT_TYPE = "application/problem+json";
  // The only detail an internal failure shows, wherever it happened.
  private static final String INTERNAL = "The request could not be completed. Quote the request id when reporting this.";

  private final int retryAfterSeconds;

  public Problems(int retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Failure handler for every route, and error handler for unmatched ones. */
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Throwable failure = ctx.failure();
    if (failure instanceof ServiceException e) {
      service(ctx, e);
    } else if (failure instanceof Rejection rejection) {
      ctx.response().putHeader("Retry-After", String.valueOf(rejection.retryAfterSeconds()));
      write(ctx, rejection.status(), rejection.detail(), List.of());
    } else if (failure instanceof ReplyException reply) {
      downstream(ctx, reply);
    } else if (failure instanceof HttpException http) {
      http(ctx, http);
    } else if (failure instanceof DecodeException) {
      write(ctx, 400, "The request body is not valid JSON.", List.of(new FieldError("body", "is not valid JSON")));
    } else if (DatabaseFailures.isUnavailable(failure)) {
      // The gateway's own database (keys, events, webhooks) is away: worth a retry, not a bug.
      LOG.warn("Request {} {} {}: database unavailable ({})", RequestIds.of(ctx), ctx.request().method(),
          ctx.request().path(), failure.toString());
      service(ctx, new ServiceException(FailureCode.UNAVAILABLE, "The gateway's database cannot be reached. Try again later."));
    } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      write(ctx, ctx.statusCode(), defaultDetail(ctx.statusCode()), List.of());
    } else {
      LOG.error("Request {} {} {} failed", RequestIds.of(ctx), ctx.request().method(), ctx.request().path(), failure);
      write(ctx, 500, INTERNAL, List.of());
    }
  }

  private void service(RoutingContext ctx, ServiceException e) {
    if (e.code().httpStatus() == 503) {
      ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
    boolean internal = e.code() == FailureCode.INTERNAL;
    write(ctx, e.code().httpStatus(), internal ? INTERNAL : e.detail(), e.errors(), e.extensions());
  }

  private void downstream(RoutingContext ctx, ReplyException reply) {
    switch (reply.failureType()) {
      case NO_HANDLERS -> {
        ctx.response().putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        write(ctx, 503, "A service this request needs is not available. Try again later.", List.of());
      }
      case TIMEOUT -> write(ctx, 504, "A service this request needs did not answer in time.", List.of());
      default -> {
        LOG.error("Request {} got an unexpected reply failure", RequestIds.of(ctx), reply);
        write(ctx, 500, INTERNAL, List.of());
      }
    }
  }

  private void http(RoutingContext ctx, HttpException http) {
    int status = http.getStatusCode();
    if (http.getCause() instanceof ValidatorException validation) {
      List<FieldError> errors = ValidationErrors.of(validation);
      write(ctx, 400, "The request does not match the API contract: "
          + errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
    } else if (http.getCause() instanceof DecodeException) {
      write(ctx, 400, "The request body is not valid JSON.", List.of(new FieldError("body", "is not valid JSON")));
    } else if (status >= 500) {
      LOG.error("Request {} failed with {}", RequestIds.of(ctx), status, http);
      write(ctx, status, INTERNAL, List.of());
    } else {
      // Our own handlers write these messages for the client; Vert.x's defaults are generic.
      String payload = http.getPayload();
      write(ctx, status, payload != null && !payload.isBlank() ? payload : defaultDetail(status), List.of());
    }
  }

  /** Writes a problem; used directly by handlers that answer with an error of their own. */
  public static void write(RoutingContext ctx, int status, String detail, List<FieldError> errors) {
    write(ctx, status, detail, errors, new JsonObject());
  }

  private static void write(RoutingContext ctx, int status, String detail, List<FieldError> errors,
      JsonObject extensions) {
    // Extension members first, so that none can overwrite a standard member.
    JsonObject problem = extensions.copy()
        .put("type", "urn:supplyguard:problem:" + slug(status))
        .put("title", title(status))
        .put("status", status)
        .put("detail", detail)
        .put("instance", ctx.request().path())
        .put("requestId", RequestIds.of(ctx));
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(e.toJson()));
      problem.put("errors", list);
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(problem.encode());
  }

  private static String defaultDetail(int status) {
    return switch (status) {
      case 401 -> "Send a valid API key as Authorization: Bearer <key>.";
      case 403 -> "Your role may not do this.";
      case 404 -> "There is nothing at this path.";
      case 405 -> "This path does not accept this method.";
      case 413 -> "The request body is larger than the gateway accepts.";
      case 415 -> "Send the body as application/json.";
      default -> title(status) + ".";
    };
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Unprocessable content";
      case 429 -> "Too many requests";
      case 503 -> "Service unavailable";
      case 504 -> "Gateway timeout";
      default -> status >= 500 ? "Internal error" : "Client error";
    };
  }

  private static String slug(int status) {
    return title(status).toLowerCase().replace(' ', '-');
  }
}
