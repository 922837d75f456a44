package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.Preconditions;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/** The session API: administrators schedule, reschedule and cancel; moderators open and conclude; everyone sees their calendar. */
final class SessionRoutes {

  static final String BASE = "/api/consultation-sessions";
  private static final Duration LONGEST_RANGE = Duration.ofDays(62);

  private final SessionService sessions;

  SessionRoutes(SessionService sessions) {
    this.sessions = sessions;
  }

  void mount(RouteTable api) {
    api.route(POST, BASE).roles(Role.ADMINISTRATOR).summary("Schedule a consultation session").handler(this::schedule);
    api.route(GET, BASE).roles(Role.ALL).summary("List consultation sessions in a time range").handler(this::calendar);
    api.route(GET, BASE + "/:sessionId").roles(Role.ALL).summary("Read a consultation session").handler(this::read);
    api.route(PUT, BASE + "/:sessionId").roles(Role.ADMINISTRATOR).summary("Reschedule a consultation session").handler(this::reschedule);
    api.route(POST, BASE + "/:sessionId/cancel").roles(Role.ADMINISTRATOR).summary("Cancel a consultation session").handler(this::cancel);
    api.route(POST, BASE + "/:sessionId/open").roles(Role.CLINICAL).summary("Open a consultation session").handler(this::open);
    api.route(POST, BASE + "/:sessionId/conclude").roles(Role.CLINICAL).summary("Conclude a consultation session").handler(this::conclude);
  }

  private void schedule(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    SessionPlan plan = SessionPlan.read(JsonInput.of(ctx, SessionPlan.FIELDS), true);
    reply(ctx, 201, sessions.schedule(who, plan, AuditEvent.by(ctx, who)).onSuccess(s ->
        ctx.response().putHeader("Location", BASE + "/" + s.id())));
  }

  /** ?from=...&to=... (ISO instants with offset; at most two months); default: this week and the next. */
  private void calendar(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    QueryInput q = QueryInput.of(ctx, "from", "to");
    Instant from = q.instant("from");
    Instant to = q.instant("to");
    q.throwIfInvalid();
    Instant start = from != null ? from : Instant.now().minus(Duration.ofDays(7));
    Instant end = to != null ? to : start.plus(Duration.ofDays(21));
    if (!end.isAfter(start) || Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
      throw ApiException.invalid("/to", "must be after from, and at most 62 days later");
    }
    sessions.calendar(who, start, end).onSuccess(list -> JsonReply.send(ctx, 200, new JsonObject()
        .put("from", start.toString()).put("to", end.toString()).put("timeZone", Session.CLINIC_ZONE.getId())
        .put("items", new JsonArray(list.stream().map(Session::toJson).toList())))).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 200, sessions.read(who, ctx.pathParam("sessionId"), AuditEvent.by(ctx, who)));
  }

  private void reschedule(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 200, sessions.reschedule(who, ctx.pathParam("sessionId"), () -> {
      JsonInput in = JsonInput.of(ctx, SessionPlan.FIELDS);
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 1, Long.MAX_VALUE, false));
      if (in.has("requestIds")) in.error("requestIds", "cannot change; cancel and schedule again");
      return new Versioned<>(expected, SessionPlan.read(in, false));
    }, AuditEvent.by(ctx, who)));
  }

  private void cancel(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 200, sessions.cancel(who, ctx.pathParam("sessionId"), () -> {
      JsonInput in = JsonInput.of(ctx, "reason", "version");
      String reason = in.text("reason", 1, 2000, true);
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 1, Long.MAX_VALUE, false));
      in.throwIfInvalid();
      return new Versioned<>(expected, reason);
    }, AuditEvent.by(ctx, who)));
  }

  private void open(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 200, sessions.open(who, ctx.pathParam("sessionId"), () -> version(ctx), AuditEvent.by(ctx, who)));
  }

  private void conclude(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 200, sessions.conclude(who, ctx.pathParam("sessionId"), () -> version(ctx), AuditEvent.by(ctx, who)));
  }

  private static long version(RoutingContext ctx) {
    boolean body = ctx.body() != null && ctx.body().length() > 0;
    JsonInput in = body ? JsonInput.of(ctx, "version") : null;
    long v = Preconditions.expectedVersion(ctx, in == null ? null : in.integer("version", 1, Long.MAX_VALUE, false));
    if (in != null) in.throwIfInvalid();
    return v;
  }

  private static void reply(RoutingContext ctx, int status, Future<Session> result) {
    result.onSuccess(s -> {
      Preconditions.etag(ctx, s.version());
      JsonReply.send(ctx, status, s.toJson());
    }).onFailure(ctx::fail);
  }
}
