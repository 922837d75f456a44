package org.consilium.rooms;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Instant;
import java.util.Locale;
import org.consilium.access.Principal;

/**
 * Room-scoped JWTs for a Jitsi Meet deployment with token authentication (prosody {@code token} auth,
 * HS256 with the app secret shared with Jitsi): {@code iss} the app id, {@code aud} the configured audience,
 * {@code sub} the Jitsi domain, {@code room} this session's room only, {@code context.user} who joins, and
 * {@code moderator} for the session's moderator. A token is useless for any other room and expires quickly.
 */
final class JitsiTokens {

  private static final String ALGORITHM = "HS256";

  private final RoomsConfig config;
  private final JWTAuth jwt;

  JitsiTokens(Vertx vertx, RoomsConfig config) {
    this.config = config;
    this.jwt = config.jitsiConfigured() ? JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(config.jitsiSecret()))) : null;
  }

  /** The Jitsi room of a session: lower case, letters, digits and dashes only. */
  static String roomName(String sessionId) {
    return "consilium-" + sessionId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /** What the web app needs to embed the meeting: domain, IFrame API script, room and token. */
  JsonObject join(String sessionId, Principal who, boolean moderator, Instant now) {
    if (jwt == null) throw new IllegalStateException("JITSI_DOMAIN is not configured");
    String room = roomName(sessionId);
    JsonObject user = new JsonObject().put("id", who.userId()).put("name", who.displayName() == null ? who.username() : who.displayName())
        .put("moderator", Boolean.toString(moderator));
    JsonObject claims = new JsonObject().put("room", room).put("moderator", moderator)
        .put("context", new JsonObject().put("user", user)).put("nbf", now.getEpochSecond() - 5)
        // A plain string: prosody's token check compares aud as a string, not as an array.
        .put("aud", config.jitsiAudience());
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(config.jitsiAppId())
        .setSubject(config.jitsiDomain())
        .setExpiresInSeconds((int) config.jitsiTtl().toSeconds()));
    return new JsonObject().put("domain", config.jitsiDomain()).put("room", room).put("jwt", token)
        .put("scriptUrl", "https://" + config.jitsiDomain() + "/external_api.js");
  }
}
