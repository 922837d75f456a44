package org.consilium.security;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.http.Preconditions;
import org.consilium.http.RouteTable;

/** {@code /api/users}: account administration, for administrators only. */
final class UserRoutes {

  private static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}";
  private static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
  private static final List<String> ROLES = Arrays.stream(Role.values()).map(Role::wire).toList();

  private final UserService users;
  private final PasswordService passwords;

  UserRoutes(UserService users, PasswordService passwords) {
    this.users = users;
    this.passwords = passwords;
  }

  void mount(RouteTable api) {
    api.route(GET, "/api/users").roles(Role.ADMINISTRATOR).summary("List users").handler(this::list);
    api.route(POST, "/api/users").roles(Role.ADMINISTRATOR).summary("Create a user").handler(this::create);
    api.route(GET, "/api/users/:userId").roles(Role.ADMINISTRATOR).summary("Read a user").handler(this::read);
    api.route(PUT, "/api/users/:userId").roles(Role.ADMINISTRATOR).summary("Edit a user").handler(this::update);
    api.route(POST, "/api/users/:userId/unlock").roles(Role.ADMINISTRATOR).summary("Unlock a user").handler(this::unlock);
    api.route(POST, "/api/users/:userId/reset-password").roles(Role.ADMINISTRATOR).summary("Reset a user's password")
        .handler(this::resetPassword);
  }

  private void list(RoutingContext ctx) {
    String hospitalId = ctx.queryParams().get("hospitalId");
    String roleParam = ctx.queryParams().get("role");
    Role role = roleParam == null ? null : Role.fromWire(roleParam).orElseThrow(() ->
        new ApiException(ErrorCode.BAD_REQUEST, "role must be one of " + String.join(", ", ROLES)));
    users.list(hospitalId, role).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(u -> out.add(u.toJson()));
      Replies.json(ctx, 200, out);
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "username", "displayName", "role", "hospitalId", "email", "specialty", "active", "password");
    String username = in.text("username", 3, 64, true);
    if (username != null && in.valid() && !username.matches(USERNAME_PATTERN)) {
      in.error("username", "must start with a letter or digit and use only letters, digits, '.', '_', '@' or '-'");
    }
    UserService.NewUser user = new UserService.NewUser(username, in.text("displayName", 1, 200, true),
        in.oneOf("role", Role::fromWire, ROLES, true), in.text("hospitalId", 1, 64, true), email(in, true),
        blankToNull(in.text("specialty", 0, 100, false)), !Boolean.FALSE.equals(in.bool("active", false)),
        PasswordPolicy.read(in, "password", true, username));
    in.throwIfInvalid();
    String path = ctx.request().path();
    users.create(user, AuditEvent.by(ctx, RouteTable.principal(ctx))).onSuccess(u -> {
      ctx.response().putHeader("Location", path + "/" + u.id());
      Replies.versioned(ctx, 201, u.toJson());
    }).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    users.get(ctx.pathParam("userId")).onSuccess(u -> Replies.versioned(ctx, 200, u.toJson())).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "displayName", "role", "hospitalId", "email", "specialty", "active", "version");
    UserEdit edit = new UserEdit(in.text("displayName", 1, 200, false), in.oneOf("role", Role::fromWire, ROLES, false),
        in.text("hospitalId", 1, 64, false), email(in, false), in.text("specialty", 0, 100, false), in.bool("active", false));
    Long bodyVersion = in.integer("version", 1, Long.MAX_VALUE, false);
    if (in.valid() && edit.changes().isEmpty()) {
      in.error("displayName", "send at least one of displayName, role, hospitalId, email, specialty, active");
    }
    in.throwIfInvalid();
    long version = Preconditions.expectedVersion(ctx, bodyVersion);
    users.update(ctx.pathParam("userId"), version, edit, AuditEvent.by(ctx, RouteTable.principal(ctx)))
        .onSuccess(u -> Replies.versioned(ctx, 200, u.toJson()))
        .onFailure(ctx::fail);
  }

  private void unlock(RoutingContext ctx) {
    users.unlock(ctx.pathParam("userId"), AuditEvent.by(ctx, RouteTable.principal(ctx)))
        .onSuccess(u -> Replies.versioned(ctx, 200, u.toJson()))
        .onFailure(ctx::fail);
  }

  private void resetPassword(RoutingContext ctx) {
    String userId = ctx.pathParam("userId");
    users.get(userId).compose(user -> {
      JsonInput in = JsonInput.of(ctx, "newPassword");
      String password = PasswordPolicy.read(in, "newPassword", true, user.username());
      in.throwIfInvalid();
      return passwords.reset(userId, password, AuditEvent.by(ctx, RouteTable.principal(ctx)));
    }).onSuccess(v -> Replies.noContent(ctx)).onFailure(ctx::fail);
  }

  private static String email(JsonInput in, boolean required) {
    String email = in.text("email", 3, 254, required);
    if (email != null && !email.matches(EMAIL_PATTERN)) in.error("email", "must be an email address such as ten@benhvien.vn");
    return email;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
