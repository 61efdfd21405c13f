package io.supplyguard.gateway.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The OpenAPI document and Swagger UI over it, served from the jar (no network needed). */
final class ApiDocs {
  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.34.1";
  private static final String PAGE = """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>SupplyGuard API</title>
        <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
      </head>
      <body>
        <div id="api"></div>
        <script src="/docs/assets/swagger-ui-bundle.js"></script>
        <script>SwaggerUIBundle({url: '/openapi.yaml', dom_id: '#api', deepLinking: true});</script>
      </body>
      </html>
      """;

  private ApiDocs() {
  }

  static void mount(Router router, Buffer contract) {
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml").end(contract));
    router.get("/docs").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8").end(PAGE));
    router.get("/docs/assets/*").handler(StaticHandler.create(SWAGGER_UI));
  }
}
