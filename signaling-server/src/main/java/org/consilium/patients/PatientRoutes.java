package org.consilium.patients;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
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

/** The patient API: clinicians search, register, read and update the patients in their care. */
public final class PatientRoutes {

  private static final String BASE = "/api/patients";
  /** An update may also name the version it was made from in the body, instead of If-Match. */
  private static final String[] UPDATE_FIELDS = Stream.concat(Arrays.stream(PatientDetails.FIELDS),
      Stream.of("version")).toArray(String[]::new);

  private final PatientService patients;

  public PatientRoutes(PatientService patients) {
    this.patients = patients;
  }

  public void mount(RouteTable api) {
    api.route(GET, BASE).roles(Role.CLINICAL).summary("Search patients").handler(this::search);
    api.route(POST, BASE).roles(Role.CLINICAL).summary("Register a patient").handler(this::create);
    api.route(GET, BASE + "/:patientId").roles(Role.CLINICAL).patient("patientId")
        .summary("Read a patient").handler(this::read);
    api.route(PUT, BASE + "/:patientId").roles(Role.CLINICAL).patient("patientId")
        .summary("Update a patient").handler(this::update);
  }

  private void search(RoutingContext ctx) {
    PatientSearch query = PatientSearch.read(QueryInput.of(ctx, "citizenId", "insuranceNumber", "name", "birthDate", "limit", "offset"));
    Principal who = RouteTable.principal(ctx);
    patients.search(who, query, AuditEvent.by(ctx, who))
        .onSuccess(page -> JsonReply.send(ctx, 200, page.toJson(Patient::toJson)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    PatientDetails details = PatientDetails.read(JsonInput.of(ctx, PatientDetails.FIELDS));
    Principal who = RouteTable.principal(ctx);
    patients.create(who, details, AuditEvent.by(ctx, who))
        .onSuccess(p -> {
          ctx.response().putHeader("Location", BASE + "/" + p.id());
          reply(ctx, 201, p);
        })
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("patientId");
    patients.read(who, id, AuditEvent.by(ctx, who).resource("patient", id))
        .onSuccess(p -> reply(ctx, 200, p))
        .onFailure(ctx::fail);
  }

  /** Care relationship first (a stranger learns nothing, not even a missing If-Match), then version, then input. */
  private void update(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("patientId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who).resource("patient", id);
    patients.requireVisible(who, id, AuditAction.UPDATE, event)
        .compose(current -> {
          JsonInput in = JsonInput.of(ctx, UPDATE_FIELDS);
          long expected = Preconditions.expectedVersion(ctx, in.integer("version", 1, Long.MAX_VALUE, false));
          return patients.update(who, current, expected, PatientDetails.read(in), event);
        })
        .onSuccess(p -> reply(ctx, 200, p))
        .onFailure(ctx::fail);
  }

  private static void reply(RoutingContext ctx, int status, Patient p) {
    Preconditions.etag(ctx, p.version());
    JsonReply.send(ctx, status, p.toJson());
  }
}
