package org.consilium.security;

import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.JsonInput;
import org.consilium.http.RouteTable;

/** {@code /api/auth}: sign in with a password, refresh, sign out. */
final class AuthRoutes {

  private final LoginService login;
  private final SessionService sessions;
  private final AuditTrail audit;

  AuthRoutes(LoginService login, SessionService sessions, AuditTrail audit) {
    this.login = login;
    this.sessions = sessions;
    this.audit = audit;
  }

  void mount(RouteTable api) {
    api.route(POST, "/api/auth/login").publicAccess().summary("Sign in with username and password").handler(this::login);
    api.route(POST, "/api/auth/refresh").publicAccess().summary("Exchange a refresh token for new tokens").handler(this::refresh);
    api.route(POST, "/api/auth/logout").roles(Role.ALL).summary("Sign out: end this session").handler(this::logout);
  }

  private void login(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "username", "password");
    String username = in.text("username", 1, 128, true);
    String password = PasswordPolicy.read(in, "password", false, null);
    in.throwIfInvalid();
    login.login(username, password, AuditEvent.anonymous(ctx))
        .onSuccess(tokens -> Replies.json(ctx, 200, tokens.toJson()))
        .onFailure(ctx::fail);
  }

  private void refresh(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "refreshToken");
    String token = in.text("refreshToken", 1, 256, true);
    in.throwIfInvalid();
    sessions.refresh(token, AuditEvent.anonymous(ctx))
        .onSuccess(tokens -> Replies.json(ctx, 200, tokens.toJson()))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    sessions.revoke(who.sessionId(), "logout")
        .compose(v -> audit.record(AuditEvent.by(ctx, who).resource("session", who.sessionId())
            .build(AuditAction.LOGOUT, AuditOutcome.SUCCESS)))
        .onSuccess(v -> Replies.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
