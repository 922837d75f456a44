package org.consilium.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes a JSON answer. API answers are per user and may hold patient data: no shared or browser caching. */
public final class JsonReply {

  private JsonReply() {
  }

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
