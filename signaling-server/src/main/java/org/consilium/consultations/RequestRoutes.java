package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.Preconditions;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/** The consultation request API: create, worklists, read, edit a draft, move through the lifecycle. */
final class RequestRoutes {

  static final String BASE = "/api/consultations";
  private static final String[] CREATE_FIELDS = Stream.concat(Arrays.stream(RequestDetails.FIELDS),
      Stream.of("patientId", "targetHospitalId")).toArray(String[]::new);
  private static final String[] EDIT_FIELDS = Stream.concat(Arrays.stream(RequestDetails.FIELDS),
      Stream.of("targetHospitalId", "version")).toArray(String[]::new);
  private static final List<String> VIEWS = List.of("mine", "hospital", "incoming", "participating", "patient");
  private static final List<String> ACTIONS = List.of("submitted", "accepted", "declined", "cancelled");

  private final RequestService requests;
  private final SessionService sessions;

  RequestRoutes(RequestService requests, SessionService sessions) {
    this.requests = requests;
    this.sessions = sessions;
  }

  void mount(RouteTable api) {
    api.route(POST, BASE).roles(Role.CLINICAL).summary("Create a consultation request").handler(this::create);
    api.route(GET, BASE).roles(Role.ALL).summary("List consultation requests (worklist)").handler(this::list);
    api.route(GET, BASE + "/:requestId").roles(Role.ALL).summary("Read a consultation request").handler(this::read);
    api.route(PUT, BASE + "/:requestId").roles(Role.CLINICAL).summary("Edit a draft consultation request").handler(this::edit);
    api.route(POST, BASE + "/:requestId/transitions").roles(Role.ALL)
        .summary("Submit, accept, decline or cancel a consultation request").handler(this::transition);
  }

  private void create(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    JsonInput in = JsonInput.of(ctx, CREATE_FIELDS);
    String patientId = in.text("patientId", 1, 64, true);
    String target = in.text("targetHospitalId", 1, 64, false);
    RequestDetails details = RequestDetails.read(in);
    in.throwIfInvalid();
    requests.create(who, patientId, details, target, AuditEvent.by(ctx, who)).onSuccess(seen -> {
      ctx.response().putHeader("Location", BASE + "/" + seen.request().id());
      reply(ctx, 201, seen);
    }).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    QueryInput q = QueryInput.of(ctx, "view", "status", "patientId");
    String asked = q.oneOf("view", v -> VIEWS.contains(v) ? java.util.Optional.of(v) : java.util.Optional.empty(), VIEWS);
    RequestStatus status = q.oneOf("status", RequestStatus::fromWire, RequestStatus.wires());
    String patientId = q.text("patientId", 64);
    if ("patient".equals(asked) && patientId == null) q.error("patientId", "is required with view=patient");
    if (patientId != null && !"patient".equals(asked)) q.error("patientId", "only with view=patient");
    q.throwIfInvalid();
    String view = asked != null ? asked : who.has(Role.DISTRICT_DOCTOR) ? "mine" : "incoming";
    requests.worklist(who, view, patientId, status, AuditEvent.by(ctx, who))
        .onSuccess(list -> JsonReply.send(ctx, 200, new JsonObject().put("view", view)
            .put("items", new JsonArray(list.stream().map(RequestService.Seen::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    requests.read(who, ctx.pathParam("requestId"), AuditEvent.by(ctx, who)).onSuccess(seen -> reply(ctx, 200, seen)).onFailure(ctx::fail);
  }

  /** Visibility first, then the input: a stranger learns nothing, not even a missing version. */
  private void edit(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    requests.visible(who, id, AuditAction.UPDATE, AuditEvent.by(ctx, who)).compose(seen -> {
      JsonInput in = JsonInput.of(ctx, EDIT_FIELDS);
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 1, Long.MAX_VALUE, false));
      String target = in.text("targetHospitalId", 1, 64, false);
      RequestDetails details = RequestDetails.read(in);
      in.throwIfInvalid();
      return requests.edit(who, id, expected, details, target, AuditEvent.by(ctx, who));
    }).onSuccess(seen -> reply(ctx, 200, seen)).onFailure(ctx::fail);
  }

  /**
   * {"to": "accepted", "version": 2} or {"to": "declined", "reason": "..."}. Accepting an emergency opens its
   * session at once; the answer then carries {@code immediateSessionId}.
   */
  private void transition(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    requests.visible(who, id, AuditAction.UPDATE, AuditEvent.by(ctx, who)).compose(visible -> {
      JsonInput in = JsonInput.of(ctx, "to", "reason", "version");
      RequestStatus to = in.oneOf("to", RequestStatus::fromWire, ACTIONS, true);
      String reason = in.text("reason", 1, 2000, false);
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 1, Long.MAX_VALUE, false));
      in.throwIfInvalid();
      return transition(ctx, who, id, to, expected, reason, event);
    }).onSuccess(json -> {
      Preconditions.etag(ctx, json.getLong("version"));
      JsonReply.send(ctx, 200, json);
    }).onFailure(ctx::fail);
  }

  private Future<JsonObject> transition(RoutingContext ctx, Principal who, String id, RequestStatus to, long expected, String reason,
                                        AuditEvent.Builder event) {
    return requests.transition(who, id, to, expected, reason, event).compose(seen -> {
      if (to != RequestStatus.ACCEPTED || seen.request().details().urgency() != Urgency.EMERGENCY) return Future.succeededFuture(seen.toJson());
      return sessions.openImmediately(who, seen.request(), event).compose(session -> requests.read(who, seen.request().id(), AuditEvent.by(ctx, who))
          .map(now -> now.toJson().put("immediateSessionId", session.id())));
    });
  }

  private static void reply(RoutingContext ctx, int status, RequestService.Seen seen) {
    Preconditions.etag(ctx, seen.request().version());
    JsonReply.send(ctx, status, seen.toJson());
  }
}
