package org.consilium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.consilium.http.ErrorCode;

/** Assertions on problem+json answers. */
public final class Problems {

  private Problems() {
  }

  /** The response is the given problem, rendered as application/problem+json; returns the body. */
  public static JsonObject assertProblem(ApiClient.Response resp, ErrorCode code) {
    assertEquals(code.status(), resp.status(), () -> "status of " + resp);
    String type = resp.header("Content-Type");
    assertTrue(type != null && type.startsWith("application/problem+json"), () -> "content type of " + resp);
    JsonObject body = resp.json();
    assertEquals(code.code(), body.getString("code"), () -> "code of " + resp);
    return body;
  }

  /** A validation problem that names the given field among its errors. */
  public static JsonObject assertFieldError(ApiClient.Response resp, String pointer) {
    JsonObject body = assertProblem(resp, ErrorCode.VALIDATION_FAILED);
    boolean named = body.getJsonArray("errors").stream()
        .anyMatch(e -> pointer.equals(((JsonObject) e).getString("pointer")));
    assertTrue(named, () -> "no error for " + pointer + " in " + body.encodePrettily());
    return body;
  }
}
