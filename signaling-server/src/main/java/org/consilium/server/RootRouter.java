package org.consilium.server;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import org.consilium.http.AccessLog;
import org.consilium.http.ApiException;
import org.consilium.http.EndpointCatalog;
import org.consilium.http.ErrorCode;
import org.consilium.http.ProblemHandler;
import org.consilium.http.RequestIds;
import org.consilium.http.OpenApiDocument;
import org.consilium.http.RouteTable;
import org.consilium.store.Store;

/** The root router: request ids and access log first, probes, the API, the web app, and one failure handler. */
final class RootRouter {

  private RootRouter() {
  }

  static Router create(Vertx vertx, HttpConfig http, Store store, Application app, EndpointCatalog catalog) {
    Router router = Router.router(vertx);
    String csp = contentSecurityPolicy(app.embeddedOrigins());
    router.route().handler(new RequestIds()).handler(new AccessLog()).handler(ctx -> securityHeaders(ctx, csp));
    if (!http.allowedOrigins().isEmpty()) {
      router.route("/api/*").handler(CorsHandler.create().addOrigins(http.allowedOrigins())
          .allowedHeaders(java.util.Set.of("Authorization", "Content-Type", "If-Match", RequestIds.HEADER))
          .exposedHeaders(java.util.Set.of("ETag", RequestIds.HEADER)));
    }

    RouteTable api = new RouteTable(router, app.authenticator(), catalog, http.maxBodyBytes());
    api.route(io.vertx.core.http.HttpMethod.GET, "/health").publicAccess().summary("Liveness probe")
        .handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
    api.route(io.vertx.core.http.HttpMethod.GET, "/ready").publicAccess().summary("Readiness probe: storage reachable")
        .handler(ctx -> store.ping()
            .onSuccess(v -> json(ctx, 200, new JsonObject().put("status", "READY")))
            .onFailure(e -> ctx.fail(new ApiException(ErrorCode.NOT_READY, "Storage is not reachable"))));
    app.mount(router, api);
    api.route(io.vertx.core.http.HttpMethod.GET, "/api/openapi.json").roles(org.consilium.access.Role.ALL)
        .summary("This API described as OpenAPI 3.1")
        .handler(ctx -> json(ctx, 200, OpenApiDocument.render(catalog.sorted())));

    router.route("/api/*").handler(ctx -> ctx.fail(new ApiException(ErrorCode.NOT_FOUND, "No such API endpoint")));
    router.get().handler(StaticHandler.create("webroot").setCachingEnabled(true).setIndexPage("index.html"));
    // A deep link into the single-page app (e.g. /patients/123) gets the app, which routes client-side.
    router.get().handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache").sendFile("webroot/index.html"));
    router.route().failureHandler(new ProblemHandler());
    return router;
  }

  /**
   * {@code embedded}: origins whose scripts and frames the app embeds (a configured Jitsi deployment).
   * 'wasm-unsafe-eval' lets the viewer compile its WebAssembly image decoders (JPEG, JPEG-LS, JPEG 2000); it does
   * not allow eval of JavaScript.
   */
  private static String contentSecurityPolicy(java.util.List<String> embedded) {
    String extra = embedded.isEmpty() ? "" : " " + String.join(" ", embedded);
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + extra + "; img-src 'self' data: blob:; media-src 'self' blob:; "
        + "connect-src 'self' ws: wss:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
        + (extra.isEmpty() ? "" : "; frame-src" + extra);
  }

  private static void securityHeaders(RoutingContext ctx, String csp) {
    ctx.response().headers()
        .add("X-Content-Type-Options", "nosniff")
        .add("Referrer-Policy", "no-referrer")
        .add("X-Frame-Options", "DENY")
        .add("Content-Security-Policy", csp);
    ctx.next();
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
