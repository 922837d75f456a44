package org.consilium.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.testing.TestServer;

/**
 * A small OpenID Connect issuer standing in for Keycloak: discovery, JWKS (an RSA key made for the test),
 * /authorize that signs in a chosen user without asking and redirects back with a code, and /token that
 * checks the client secret and PKCE and returns an RS256-signed ID token. Modes make it misbehave.
 */
final class StandInIssuer implements AutoCloseable {

  enum Mode { NORMAL, WRONG_AUDIENCE, BAD_SIGNATURE, WRONG_NONCE }

  private record Grant(String nonce, String challenge, String redirectUri, String username) {
  }

  private static final String KID = "stand-in-key";
  /** Keycloak serves each realm under its own path; the issuer URL includes it. */
  private static final String REALM = "/realms/consilium";
  private final Vertx vertx = Vertx.vertx();
  private final KeyPair key = rsa();
  private final KeyPair otherKey = rsa();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final String clientId;
  private final String clientSecret;
  private HttpServer server;
  private volatile String username;
  private volatile Mode mode = Mode.NORMAL;

  private StandInIssuer(String clientId, String clientSecret) {
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  static StandInIssuer start(String clientId, String clientSecret) {
    StandInIssuer issuer = new StandInIssuer(clientId, clientSecret);
    Router router = Router.router(issuer.vertx);
    router.get(REALM + "/.well-known/openid-configuration").handler(issuer::discovery);
    router.get(REALM + "/jwks").handler(issuer::jwks);
    router.get(REALM + "/authorize").handler(issuer::authorize);
    router.post(REALM + "/token").handler(BodyHandler.create()).handler(issuer::token);
    issuer.server = TestServer.await(issuer.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return issuer;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + REALM;
  }

  /** The user the next /authorize signs in, as its preferred_username claim. */
  void signInAs(String name) {
    this.username = name;
  }

  void mode(Mode m) {
    this.mode = m;
  }

  @Override
  public void close() {
    TestServer.await(vertx.close());
  }

  private void discovery(RoutingContext ctx) {
    json(ctx, 200, new JsonObject().put("issuer", url()).put("authorization_endpoint", url() + "/authorize")
        .put("token_endpoint", url() + "/token").put("jwks_uri", url() + "/jwks"));
  }

  private void jwks(RoutingContext ctx) {
    RSAPublicKey pub = (RSAPublicKey) key.getPublic();
    JsonObject sig = new JsonObject().put("kty", "RSA").put("kid", KID).put("use", "sig").put("alg", "RS256")
        .put("n", b64(unsigned(pub.getModulus()))).put("e", b64(unsigned(pub.getPublicExponent())));
    // Keycloak also lists an encryption key; a relying party must not use it for signatures.
    RSAPublicKey enc = (RSAPublicKey) otherKey.getPublic();
    JsonObject encKey = new JsonObject().put("kty", "RSA").put("kid", "enc-key").put("use", "enc").put("alg", "RSA-OAEP")
        .put("n", b64(unsigned(enc.getModulus()))).put("e", b64(unsigned(enc.getPublicExponent())));
    json(ctx, 200, new JsonObject().put("keys", new JsonArray().add(sig).add(encKey)));
  }

  private void authorize(RoutingContext ctx) {
    var q = ctx.queryParams();
    if (!"code".equals(q.get("response_type")) || !clientId.equals(q.get("client_id"))
        || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null || q.get("nonce") == null) {
      json(ctx, 400, new JsonObject().put("error", "invalid_request"));
      return;
    }
    String code = UUID.randomUUID().toString();
    grants.put(code, new Grant(q.get("nonce"), q.get("code_challenge"), q.get("redirect_uri"), username));
    ctx.response().setStatusCode(302).putHeader("Location", q.get("redirect_uri") + "?code=" + code
        + "&state=" + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8) + "&session_state=abc").end();
  }

  private void token(RoutingContext ctx) {
    if (!(clientId + ":" + clientSecret).equals(basicCredentials(ctx.request().getHeader("Authorization")))) {
      json(ctx, 401, new JsonObject().put("error", "invalid_client"));
      return;
    }
    var form = ctx.request().formAttributes();
    Grant grant = grants.remove(String.valueOf(form.get("code")));
    if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !grant.redirectUri().equals(form.get("redirect_uri"))
        || !grant.challenge().equals(OpaqueTokens.s256Challenge(String.valueOf(form.get("code_verifier"))))) {
      json(ctx, 400, new JsonObject().put("error", "invalid_grant"));
      return;
    }
    long now = Instant.now().getEpochSecond();
    JsonObject claims = new JsonObject().put("iss", url()).put("sub", UUID.randomUUID().toString())
        .put("aud", mode == Mode.WRONG_AUDIENCE ? "another-client" : clientId).put("azp", clientId)
        .put("iat", now).put("exp", now + 300).put("preferred_username", grant.username())
        .put("nonce", mode == Mode.WRONG_NONCE ? "a-nonce-from-another-attempt" : grant.nonce());
    String idToken = rs256(claims, mode == Mode.BAD_SIGNATURE ? otherKey.getPrivate() : key.getPrivate());
    json(ctx, 200, new JsonObject().put("access_token", "opaque").put("token_type", "Bearer").put("id_token", idToken));
  }

  /** client_secret_basic as RFC 6749 section 2.3.1 defines it: id and secret are form-encoded inside Basic. */
  private static String basicCredentials(String header) {
    if (header == null || !header.startsWith("Basic ")) return null;
    String[] pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8).split(":", 2);
    if (pair.length != 2) return null;
    return URLDecoder.decode(pair[0], StandardCharsets.UTF_8) + ":" + URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
  }

  private static String rs256(JsonObject claims, PrivateKey signer) {
    String head = b64(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", KID).encode().getBytes(StandardCharsets.UTF_8));
    String body = b64(claims.encode().getBytes(StandardCharsets.UTF_8));
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(signer);
      s.update((head + "." + body).getBytes(StandardCharsets.US_ASCII));
      return head + "." + body + "." + b64(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] unsigned(BigInteger n) {
    byte[] bytes = n.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
