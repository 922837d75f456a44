package org.consilium.security;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonInput;
import org.consilium.http.RouteTable;

/** {@code /api/me}: the signed-in user's own account. */
final class AccountRoutes {

  private final UserService users;
  private final PasswordService passwords;

  AccountRoutes(UserService users, PasswordService passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  void mount(RouteTable api) {
    api.route(GET, "/api/me").roles(Role.ALL).summary("Read my account").handler(this::me);
    api.route(POST, "/api/me/password").roles(Role.ALL).summary("Change my password").handler(this::changePassword);
  }

  private void me(RoutingContext ctx) {
    users.profile(RouteTable.principal(ctx).userId())
        .onSuccess(p -> Replies.versioned(ctx, 200, p.user().toJson().put("hospitalName", p.hospitalName())))
        .onFailure(ctx::fail);
  }

  private void changePassword(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    JsonInput in = JsonInput.of(ctx, "currentPassword", "newPassword");
    String current = PasswordPolicy.read(in, "currentPassword", false, null);
    String next = PasswordPolicy.read(in, "newPassword", true, who.username());
    if (current != null && current.equals(next)) in.error("newPassword", "must differ from the current password");
    in.throwIfInvalid();
    passwords.change(who, current, next, AuditEvent.by(ctx, who))
        .onSuccess(v -> Replies.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
