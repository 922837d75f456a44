package org.consilium.http;

import io.vertx.core.json.JsonObject;

/** One invalid input, located by a JSON pointer ("/citizenId", "/identifiers/0/value"). */
public record FieldError(String pointer, String detail) {

  public JsonObject toJson() {
    return new JsonObject().put("pointer", pointer).put("detail", detail);
  }
}
