package io.supplyguard.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Locale;

/**
 * The API reads JSON only: a request that carries a body in another media type is a 415, not
 * a 400 about a body the contract could not read.
 */
final class JsonBodiesOnly implements Handler<RoutingContext> {

  @Override
  public void handle(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    if (body != null && body.length() > 0 && !isJson(ctx.request().getHeader("Content-Type"))) {
      ctx.fail(new HttpException(415, "Send the body as application/json."));
      return;
    }
    ctx.next();
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
        .toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
  }
}
