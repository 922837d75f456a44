package org.consilium.security;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.consilium.http.Preconditions;

/** JSON answers of the identity API; none may be cached, they carry tokens or personal data. */
final class Replies {

  private Replies() {
  }

  static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
  }

  /** A versioned resource: its JSON with an ETag the client sends back in If-Match. */
  static void versioned(RoutingContext ctx, int status, JsonObject body) {
    Preconditions.etag(ctx, body.getLong("version"));
    json(ctx, status, body);
  }

  static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
  }
}
