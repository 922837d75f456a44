package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.Preconditions;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;
import org.consilium.security.StaffDirectory;

/** The minutes of a request: read, edit (the chair), sign, start a new edition, export as PDF. */
final class MinutesRoutes {

  private static final String PATH = RequestRoutes.BASE + "/:requestId/minutes";

  private final MinutesService minutes;
  private final RequestService requests;
  private final StaffDirectory directory;
  private final WorkerExecutor workers;

  MinutesRoutes(MinutesService minutes, RequestService requests, StaffDirectory directory, WorkerExecutor workers) {
    this.minutes = minutes;
    this.requests = requests;
    this.directory = directory;
    this.workers = workers;
  }

  void mount(RouteTable api) {
    api.route(GET, PATH).roles(Role.CLINICAL).summary("Read consultation minutes").handler(this::read);
    api.route(PUT, PATH).roles(Role.CLINICAL).summary("Write consultation minutes (the chair)").handler(this::save);
    api.route(POST, PATH + "/sign").roles(Role.CLINICAL).summary("Sign consultation minutes (the chair)").handler(this::sign);
    api.route(POST, PATH + "/editions").roles(Role.CLINICAL).summary("Start a new edition of signed minutes").handler(this::amend);
    api.route(GET, PATH + "/pdf").roles(Role.CLINICAL).summary("Export consultation minutes as PDF").handler(this::pdf);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    int edition = edition(ctx);
    reply(ctx, 200, minutes.read(who, ctx.pathParam("requestId"), edition, AuditEvent.by(ctx, who)));
  }

  private void save(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    reply(ctx, 200, requests.visible(who, id, AuditAction.UPDATE, AuditEvent.by(ctx, who)).compose(seen -> {
      JsonInput in = JsonInput.of(ctx, Minutes.FIELDS);
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 0, Long.MAX_VALUE, false));
      String summary = in.text("patientSummary", 0, 20000, false);
      String discussion = in.text("discussion", 0, 50000, false);
      String conclusion = in.text("conclusion", 0, 20000, false);
      String treatment = in.text("treatmentRecommendation", 0, 20000, false);
      in.throwIfInvalid();
      return minutes.save(who, id, expected, summary, discussion, conclusion, treatment, AuditEvent.by(ctx, who));
    }));
  }

  private void sign(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    reply(ctx, 200, requests.visible(who, id, AuditAction.UPDATE, AuditEvent.by(ctx, who)).compose(seen -> {
      JsonInput in = JsonInput.of(ctx, "version");
      long expected = Preconditions.expectedVersion(ctx, in.integer("version", 0, Long.MAX_VALUE, false));
      in.throwIfInvalid();
      return minutes.sign(who, id, expected, AuditEvent.by(ctx, who));
    }));
  }

  private void amend(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reply(ctx, 201, minutes.amend(who, ctx.pathParam("requestId"), AuditEvent.by(ctx, who)));
  }

  private void pdf(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    int edition = edition(ctx);
    minutes.forExport(who, ctx.pathParam("requestId"), edition, AuditEvent.by(ctx, who))
        .compose(f -> directory.hospital(f.request().answeringHospital()).compose(h -> workers.executeBlocking(() ->
            MinutesPdf.render(f.minutes(), f.patient(), h.map(StaffDirectory.HospitalEntry::name).orElse(null)), false))
            .map(bytes -> new Object[] {f.minutes(), bytes}))
        .onSuccess(r -> ctx.response().putHeader("Content-Type", "application/pdf")
            .putHeader("Content-Disposition", "attachment; filename=\"bien-ban-hoi-chan-" + ((Minutes) r[0]).edition() + ".pdf\"")
            .putHeader("Cache-Control", "no-store").end(Buffer.buffer((byte[]) r[1])))
        .onFailure(ctx::fail);
  }

  private static int edition(RoutingContext ctx) {
    QueryInput q = QueryInput.of(ctx, "edition");
    String e = q.text("edition", 6);
    int n = 0;
    if (e != null) {
      try {
        n = Integer.parseInt(e);
      } catch (NumberFormatException x) {
        n = -1;
      }
      if (n < 1) q.error("edition", "must be 1 or more");
    }
    q.throwIfInvalid();
    return n;
  }

  private static void reply(RoutingContext ctx, int status, Future<Minutes> result) {
    result.onSuccess(m -> {
      Preconditions.etag(ctx, m.version());
      JsonReply.send(ctx, status, m.toJson());
    }).onFailure(ctx::fail);
  }
}
