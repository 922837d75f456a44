package org.consilium.security;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import org.consilium.access.Authenticator.Unauthenticated;

/**
 * Short-lived JWT access tokens (HS256). A token proves only who signed in and in which session; the
 * {@link TokenAuthenticator} still loads the session and the user on every request, so revocation and role
 * changes do not wait for the token to expire.
 */
final class AccessTokens {

  private static final String ALGORITHM = "HS256";
  /** Tolerated clock difference between the nodes that issue and check tokens. */
  private static final int LEEWAY_SECONDS = 5;

  private final JWTAuth jwt;
  private final String issuer;
  private final int ttlSeconds;

  /** What a verified token says. */
  record Claims(String userId, String sessionId) {
  }

  private AccessTokens(JWTAuth jwt, String issuer, int ttlSeconds) {
    this.jwt = jwt;
    this.issuer = issuer;
    this.ttlSeconds = ttlSeconds;
  }

  static AccessTokens create(Vertx vertx, String secret, String issuer, Duration ttl) {
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(issuer).setLeeway(LEEWAY_SECONDS)));
    return new AccessTokens(jwt, issuer, (int) ttl.toSeconds());
  }

  int ttlSeconds() {
    return ttlSeconds;
  }

  String issue(User user, String sessionId) {
    JsonObject claims = new JsonObject()
        .put("sid", sessionId)
        .put("role", user.role().wire())
        .put("hospital", user.hospitalId());
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM).setIssuer(issuer).setSubject(user.id())
        .setExpiresInSeconds(ttlSeconds));
  }

  /** Checks signature, algorithm, issuer and expiry; fails with {@link Unauthenticated} otherwise. */
  Future<Claims> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new Unauthenticated("The access token is invalid or has expired")))
        .compose(user -> {
          String subject = user.subject();
          Object sid = user.get("sid");
          if (subject == null || !(sid instanceof String s)) {
            return Future.failedFuture(new Unauthenticated("The access token names no session"));
          }
          return Future.succeededFuture(new Claims(subject, s));
        });
  }
}
