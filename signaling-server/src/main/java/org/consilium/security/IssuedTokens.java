package org.consilium.security;

import io.vertx.core.json.JsonObject;

/** What a sign-in or a refresh hands the client: a short access token, the next refresh token, and who it is. */
record IssuedTokens(String accessToken, String refreshToken, int expiresIn, long refreshExpiresIn, User user,
                    String hospitalName) {

  JsonObject toJson() {
    return new JsonObject()
        .put("accessToken", accessToken)
        .put("refreshToken", refreshToken)
        .put("tokenType", "Bearer")
        .put("expiresIn", expiresIn)
        .put("refreshExpiresIn", refreshExpiresIn)
        .put("user", user.summaryJson(hospitalName));
  }
}
