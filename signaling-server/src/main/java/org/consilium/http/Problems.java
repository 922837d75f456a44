package org.consilium.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Renders an {@link ErrorCode} as RFC 9457 problem+json. */
public final class Problems {

  public static final String CONTENT_TYPE = "application/problem+json";

  private Problems() {
  }

  public static JsonObject body(ErrorCode code, String detail, String instance, java.util.List<FieldError> errors) {
    JsonObject body = new JsonObject()
        .put("type", code.type())
        .put("title", code.title())
        .put("status", code.status())
        .put("code", code.code())
        .put("detail", detail == null ? code.title() : detail);
    if (instance != null) body.put("instance", instance);
    if (!errors.isEmpty()) {
      JsonArray list = new JsonArray();
      errors.forEach(e -> list.add(e.toJson()));
      body.put("errors", list);
    }
    return body;
  }

  public static void send(RoutingContext ctx, ApiException e) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      // Part of a body already left: the only honest signal left is to cut the connection.
      ctx.request().connection().close();
      return;
    }
    if (e.code().status() == 401) response.putHeader("WWW-Authenticate", "Bearer");
    response.setStatusCode(e.code().status())
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-store")
        .end(body(e.code(), e.getMessage(), ctx.request().path(), e.errors()).encode());
  }
}
