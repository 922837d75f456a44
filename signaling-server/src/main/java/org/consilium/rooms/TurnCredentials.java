package org.consilium.rooms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ICE servers for one user, with short-lived TURN credentials in coturn's REST-API scheme
 * ({@code use-auth-secret}): username {@code <expiry unix seconds>:<userId>}, password
 * base64(HMAC-SHA1(shared secret, username)). coturn recomputes the password and refuses it after the expiry,
 * so nothing has to be stored or revoked.
 */
final class TurnCredentials {

  private final RoomsConfig config;

  TurnCredentials(RoomsConfig config) {
    this.config = config;
  }

  /** RTCIceServer entries, ready for {@code new RTCPeerConnection({iceServers})}. */
  JsonArray iceServers(String userId, Instant now) {
    JsonArray servers = new JsonArray();
    if (!config.stunUrls().isEmpty()) servers.add(new JsonObject().put("urls", new JsonArray(config.stunUrls())));
    if (!config.turnUrls().isEmpty()) {
      String username = (now.getEpochSecond() + config.turnTtl().toSeconds()) + ":" + userId;
      servers.add(new JsonObject().put("urls", new JsonArray(config.turnUrls())).put("username", username)
          .put("credential", password(config.turnSecret(), username)));
    }
    return servers;
  }

  static String password(String secret, String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is part of every JRE", e);
    }
  }
}
