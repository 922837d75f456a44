package org.consilium.security;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonInput;
import org.consilium.http.Preconditions;
import org.consilium.http.RouteTable;

/** {@code /api/hospitals}: any signed-in user lists active hospitals; administrators register and edit them. */
final class HospitalRoutes {

  private static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9_-]{1,31}";

  private final HospitalService hospitals;

  HospitalRoutes(HospitalService hospitals) {
    this.hospitals = hospitals;
  }

  void mount(RouteTable api) {
    api.route(GET, "/api/hospitals").roles(Role.ALL).summary("List hospitals").handler(this::list);
    api.route(POST, "/api/hospitals").roles(Role.ADMINISTRATOR).summary("Register a hospital").handler(this::create);
    api.route(GET, "/api/hospitals/:hospitalId").roles(Role.ADMINISTRATOR).summary("Read a hospital").handler(this::read);
    api.route(PUT, "/api/hospitals/:hospitalId").roles(Role.ADMINISTRATOR).summary("Edit a hospital").handler(this::update);
  }

  /** Administrators see inactive hospitals too; others only those they can send a consultation to. */
  private void list(RoutingContext ctx) {
    boolean admin = RouteTable.principal(ctx).has(Role.ADMINISTRATOR);
    hospitals.list(admin).onSuccess(list -> {
      JsonArray out = new JsonArray();
      list.forEach(h -> out.add(h.toJson()));
      Replies.json(ctx, 200, out);
    }).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "code", "name", "level", "province", "active");
    String code = in.text("code", 2, 32, true);
    if (code != null) {
      code = code.toUpperCase(Locale.ROOT);
      if (!code.matches(CODE_PATTERN)) in.error("code", "must be 2-32 letters, digits, '-' or '_', starting with a letter or digit");
    }
    String name = in.text("name", 1, 200, true);
    HospitalLevel level = in.oneOf("level", HospitalLevel::fromWire, HospitalLevel.wires(), true);
    String province = in.text("province", 1, 100, true);
    Boolean active = in.bool("active", false);
    in.throwIfInvalid();
    Principal who = RouteTable.principal(ctx);
    String path = ctx.request().path();
    hospitals.create(code, name, level, province, active == null || active, AuditEvent.by(ctx, who))
        .onSuccess(h -> {
          ctx.response().putHeader("Location", path + "/" + h.id());
          Replies.versioned(ctx, 201, h.toJson());
        })
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    hospitals.get(ctx.pathParam("hospitalId")).onSuccess(h -> Replies.versioned(ctx, 200, h.toJson())).onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "name", "level", "province", "active", "version");
    HospitalEdit edit = new HospitalEdit(in.text("name", 1, 200, false),
        in.oneOf("level", HospitalLevel::fromWire, HospitalLevel.wires(), false),
        in.text("province", 1, 100, false), in.bool("active", false));
    Long bodyVersion = in.integer("version", 1, Long.MAX_VALUE, false);
    if (in.valid() && edit.changes().isEmpty()) in.error("name", "send at least one of name, level, province, active");
    in.throwIfInvalid();
    long version = Preconditions.expectedVersion(ctx, bodyVersion);
    hospitals.update(ctx.pathParam("hospitalId"), version, edit, AuditEvent.by(ctx, RouteTable.principal(ctx)))
        .onSuccess(h -> Replies.versioned(ctx, 200, h.toJson()))
        .onFailure(ctx::fail);
  }
}
