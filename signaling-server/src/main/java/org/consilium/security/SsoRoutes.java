package org.consilium.security;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.RequestIds;
import org.consilium.http.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/auth/sso}: OpenID Connect sign-in (authorization code + PKCE, state and nonce). The ID token only
 * names an existing, active Consilium user (no accounts are created from it); Consilium then issues its own
 * tokens and hands them to the web app in the URL fragment, which browsers never send to a server or a log.
 */
final class SsoRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(SsoRoutes.class);
  /** Binds the attempt to the browser that started it, against login CSRF. */
  private static final String COOKIE = "consilium_sso";
  private static final String COOKIE_PATH = "/api/auth/sso";

  private final OidcConfig config;
  private final OidcClient client;
  private final SsoLogins logins;
  private final UserStore users;
  private final SessionService sessions;
  private final AuditTrail audit;

  SsoRoutes(OidcConfig config, OidcClient client, SsoLogins logins, UserStore users, SessionService sessions, AuditTrail audit) {
    this.config = config;
    this.client = client;
    this.logins = logins;
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
  }

  void mount(RouteTable api) {
    api.route(GET, "/api/auth/sso").publicAccess().summary("Whether single sign-on is offered").handler(this::status);
    api.route(GET, "/api/auth/sso/login").publicAccess().summary("Start single sign-on").handler(this::start);
    api.route(GET, OidcConfig.CALLBACK_PATH).publicAccess().summary("Finish single sign-on").handler(this::callback);
  }

  private void status(RoutingContext ctx) {
    Replies.json(ctx, 200, new JsonObject().put("enabled", config.enabled())
        .put("loginUrl", config.enabled() ? "/api/auth/sso/login" : null));
  }

  private void start(RoutingContext ctx) {
    requireEnabled();
    String state = OpaqueTokens.newToken();
    String nonce = OpaqueTokens.newToken();
    String verifier = OpaqueTokens.newToken();
    logins.put(state, new SsoLogins.Pending(nonce, verifier))
        .compose(v -> client.authorizeUrl(state, nonce, verifier))
        .onSuccess(url -> {
          ctx.response().addCookie(cookie(state, SsoLogins.LIFETIME.toSeconds()));
          redirect(ctx, url);
        })
        .onFailure(e -> {
          LOG.atWarn().addKeyValue("requestId", RequestIds.of(ctx)).addKeyValue("reason", e.getMessage())
              .log("Single sign-on could not start");
          redirect(ctx, config.appUrl("sso-error=" + ErrorCode.SSO_FAILED.code()));
        });
  }

  private void callback(RoutingContext ctx) {
    requireEnabled();
    AuditEvent.Builder event = AuditEvent.anonymous(ctx);
    String state = ctx.queryParams().get("state");
    Cookie bound = ctx.request().getCookie(COOKIE);
    ctx.response().addCookie(cookie("", 0));
    Future<IssuedTokens> outcome;
    if (state == null || bound == null || !bound.getValue().equals(state)) {
      outcome = Future.failedFuture(OidcClient.failed("The sign-on answer does not belong to this browser"));
    } else {
      outcome = logins.take(state).compose(pending -> {
        if (pending.isEmpty()) return Future.failedFuture(OidcClient.failed("The sign-on attempt is unknown, used or expired"));
        String error = ctx.queryParams().get("error");
        String code = ctx.queryParams().get("code");
        if (error != null || code == null) {
          return Future.failedFuture(OidcClient.failed("The issuer did not sign the user in (" + (error == null ? "no code" : error) + ")"));
        }
        return client.exchange(code, pending.get().codeVerifier(), pending.get().nonce())
            .compose(claims -> signIn(claims, event));
      });
    }
    outcome.onSuccess(tokens -> redirect(ctx, config.appUrl("sso=" + base64url(tokens.toJson().encode()))))
        .onFailure(e -> refuse(ctx, event, e));
  }

  private Future<IssuedTokens> signIn(JsonObject claims, AuditEvent.Builder event) {
    Object name = claims.getValue(config.usernameClaim());
    if (!(name instanceof String username) || username.isBlank()) {
      return Future.failedFuture(OidcClient.failed("The ID token has no " + config.usernameClaim() + " claim"));
    }
    event.actorName(username);
    return users.findByUsername(username).compose(found -> {
      User user = found.orElse(null);
      // The name goes to the audit record (actorName), not into the message, which is also logged.
      if (user == null) return Future.failedFuture(OidcClient.failed("No active Consilium account has this " + config.usernameClaim()));
      event.actor(user.principal(null)).resource("user", user.id());
      if (!user.active()) return Future.failedFuture(OidcClient.failed("No active Consilium account has this " + config.usernameClaim()));
      if (user.lockedAt(Instant.now())) return Future.failedFuture(OidcClient.failed("The account is locked"));
      return sessions.open(user, "sso", event);
    });
  }

  /** Records the refusal, then sends the browser back to the app with the error code only. */
  private void refuse(RoutingContext ctx, AuditEvent.Builder event, Throwable e) {
    ErrorCode code = e instanceof ApiException api ? api.code() : ErrorCode.SSO_FAILED;
    LOG.atWarn().addKeyValue("requestId", RequestIds.of(ctx))
        .addKeyValue("reason", e.getMessage()).log("Single sign-on refused");
    audit.record(event.detail("sso: " + e.getMessage()).build(AuditAction.LOGIN_FAILED, AuditOutcome.FAILED))
        .onSuccess(v -> redirect(ctx, config.appUrl("sso-error=" + code.code())))
        .onFailure(ctx::fail);
  }

  private void requireEnabled() {
    if (!config.enabled()) throw new ApiException(ErrorCode.SSO_NOT_CONFIGURED, "Set OIDC_ISSUER to enable single sign-on");
  }

  private Cookie cookie(String value, long maxAgeSeconds) {
    return Cookie.cookie(COOKIE, value).setPath(COOKIE_PATH).setHttpOnly(true).setSameSite(CookieSameSite.LAX)
        .setSecure(config.publicUrl().startsWith("https://")).setMaxAge(maxAgeSeconds);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }

  private static String base64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
