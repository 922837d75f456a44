package org.consilium.security;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * Talks to the OpenID Connect issuer: discovery, the authorization URL, the code exchange, and ID token checks.
 * Plain WebClient + vertx-auth-jwt rather than vertx-auth-oauth2: each check the spec asks of a relying party
 * (signature against the issuer's JWKS, iss, aud, azp, exp, nonce) is written out here and tested, and no
 * session-cookie machinery is pulled in, since Consilium issues its own tokens after the exchange.
 */
final class OidcClient {

  private static final int LEEWAY_SECONDS = 30;
  private static final long JWKS_REFRESH_MILLIS = 60_000;

  record Discovery(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {
  }

  private final OidcConfig config;
  private final WebClient web;
  private final Vertx vertx;
  private volatile Future<Discovery> discovery;
  private volatile Future<JWTAuth> keys;
  private volatile long keysFetchedAt;

  OidcClient(Vertx vertx, OidcConfig config) {
    this.vertx = vertx;
    this.config = config;
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(10_000).setIdleTimeout(30)
        .setFollowRedirects(false).setUserAgent("Consilium"));
  }

  /** The issuer's login page for this attempt, with PKCE (S256), state and nonce. */
  Future<String> authorizeUrl(String state, String nonce, String codeVerifier) {
    return discovery().map(d -> d.authorizationEndpoint() + (d.authorizationEndpoint().contains("?") ? "&" : "?")
        + "response_type=code&scope=openid%20profile%20email"
        + "&client_id=" + enc(config.clientId())
        + "&redirect_uri=" + enc(config.redirectUri())
        + "&state=" + enc(state)
        + "&nonce=" + enc(nonce)
        + "&code_challenge=" + OpaqueTokens.s256Challenge(codeVerifier)
        + "&code_challenge_method=S256");
  }

  /** Exchanges the authorization code and returns the verified claims of the ID token. */
  Future<JsonObject> exchange(String code, String codeVerifier, String nonce) {
    return discovery().compose(d -> {
      MultiMap form = MultiMap.caseInsensitiveMultiMap()
          .add("grant_type", "authorization_code")
          .add("code", code)
          .add("redirect_uri", config.redirectUri())
          .add("code_verifier", codeVerifier)
          .add("client_id", config.clientId());
      var request = web.postAbs(d.tokenEndpoint()).timeout(15_000).putHeader("Accept", "application/json");
      if (!config.clientSecret().isEmpty()) {
        // client_secret_basic: RFC 6749 section 2.3.1 form-encodes id and secret before base64.
        String basic = enc(config.clientId()) + ":" + enc(config.clientSecret());
        request.putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
      }
      return request.sendForm(form);
    }).compose(resp -> {
      JsonObject body = jsonOrNull(resp);
      if (resp.statusCode() != 200 || body == null || body.getString("id_token") == null) {
        String error = body == null ? "no JSON" : body.getString("error", "no id_token");
        return Future.failedFuture(failed("The issuer refused the code exchange (" + resp.statusCode() + " " + error + ")"));
      }
      return verify(body.getString("id_token"), nonce);
    });
  }

  private Future<JsonObject> verify(String idToken, String nonce) {
    return authenticate(idToken, false)
        .recover(e -> System.currentTimeMillis() - keysFetchedAt > JWKS_REFRESH_MILLIS
            ? authenticate(idToken, true) : Future.failedFuture(e))
        .recover(e -> Future.failedFuture(failed("The ID token was refused: " + e.getMessage())))
        .compose(claims -> {
          if (!claims.containsKey("exp")) return Future.failedFuture(failed("The ID token has no expiry"));
          if (!nonce.equals(claims.getString("nonce"))) return Future.failedFuture(failed("The ID token's nonce does not match"));
          Object aud = claims.getValue("aud");
          boolean several = aud instanceof JsonArray a && a.size() > 1;
          if (several && !config.clientId().equals(claims.getString("azp"))) {
            return Future.failedFuture(failed("The ID token was issued to another party (azp)"));
          }
          return Future.succeededFuture(claims);
        });
  }

  /** Signature (JWKS), issuer, audience and expiry; the verified payload. */
  private Future<JsonObject> authenticate(String idToken, boolean refreshKeys) {
    return keys(refreshKeys).compose(auth -> auth.authenticate(new TokenCredentials(idToken)))
        .map(user -> user.attributes().getJsonObject("accessToken"));
  }

  private Future<Discovery> discovery() {
    Future<Discovery> cached = discovery;
    if (cached != null && !cached.failed()) return cached;
    Future<Discovery> fetched = getJson(config.issuer() + "/.well-known/openid-configuration").compose(doc -> {
      String issuer = doc.getString("issuer", "");
      if (!OidcConfig.stripSlash(issuer).equals(config.issuer())) {
        return Future.failedFuture(failed("The discovery document names issuer " + issuer + ", not " + config.issuer()));
      }
      Discovery d = new Discovery(issuer, doc.getString("authorization_endpoint"), doc.getString("token_endpoint"),
          doc.getString("jwks_uri"));
      if (d.authorizationEndpoint() == null || d.tokenEndpoint() == null || d.jwksUri() == null) {
        return Future.failedFuture(failed("The discovery document lacks an endpoint"));
      }
      return Future.succeededFuture(d);
    });
    discovery = fetched;
    return fetched;
  }

  private Future<JWTAuth> keys(boolean refresh) {
    Future<JWTAuth> cached = keys;
    if (!refresh && cached != null && !cached.failed()) return cached;
    Future<JWTAuth> fetched = discovery().compose(d -> getJson(d.jwksUri()).map(jwks -> {
      keysFetchedAt = System.currentTimeMillis();
      JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(new JWTOptions().setIssuer(d.issuer())
          .setAudience(List.of(config.clientId())).setLeeway(LEEWAY_SECONDS));
      JsonArray list = jwks.getJsonArray("keys", new JsonArray());
      for (int i = 0; i < list.size(); i++) {
        JsonObject key = list.getJsonObject(i);
        if ("enc".equals(key.getString("use"))) continue;   // Keycloak also publishes an encryption key
        String alg = key.getString("alg", defaultAlgorithm(key));
        if (alg != null) options.addJwk(key.copy().put("alg", alg));
      }
      return JWTAuth.create(vertx, options);
    }));
    keys = fetched;
    return fetched;
  }

  /** JWKS entries may omit "alg"; derive it from the key type as the issuer would sign. Null: not a signing key we use. */
  private static String defaultAlgorithm(JsonObject key) {
    if ("RSA".equals(key.getString("kty"))) return "RS256";
    if (!"EC".equals(key.getString("kty"))) return null;
    return switch (key.getString("crv", "")) {
      case "P-256" -> "ES256";
      case "P-384" -> "ES384";
      case "P-521" -> "ES512";
      default -> null;
    };
  }

  private Future<JsonObject> getJson(String url) {
    return web.getAbs(url).timeout(15_000).putHeader("Accept", "application/json").send().compose(resp -> {
      JsonObject body = jsonOrNull(resp);
      if (resp.statusCode() != 200 || body == null) {
        return Future.failedFuture(failed("The issuer answered " + resp.statusCode() + " for " + url));
      }
      return Future.succeededFuture(body);
    });
  }

  Future<Void> close() {
    web.close();
    return Future.succeededFuture();
  }

  private static JsonObject jsonOrNull(HttpResponse<?> resp) {
    try {
      return resp.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static ApiException failed(String detail) {
    return new ApiException(ErrorCode.SSO_FAILED, detail);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
