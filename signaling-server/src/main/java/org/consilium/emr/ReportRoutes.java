package org.consilium.emr;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.JsonReply;
import org.consilium.http.RouteTable;

/** Signed consultation reports of a patient: sign (the responsible specialist), list with verification, the signed PDF. */
final class ReportRoutes {

  private static final String BASE = "/api/consultations/:requestId/reports";

  private final ReportService reports;

  ReportRoutes(ReportService reports) {
    this.reports = reports;
  }

  void mount(RouteTable api) {
    api.route(POST, BASE).roles(Role.SPECIALIST).summary("Sign the consultation report (the responsible specialist)")
        .handler(this::sign);
    api.route(GET, BASE).roles(Role.CLINICAL).summary("List signed report versions, verified").handler(this::list);
    api.route(GET, BASE + "/:version/pdf").roles(Role.CLINICAL).summary("Download a signed minutes PDF")
        .handler(this::pdf);
  }

  private void sign(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reports.sign(who, ctx.pathParam("requestId"), AuditEvent.by(ctx, who))
        .onSuccess(s -> JsonReply.send(ctx, 201, s.report().toJson()
            .put("delivery", new JsonObject().put("status", s.delivery()).put("detail", s.deliveryDetail()))))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reports.list(who, ctx.pathParam("requestId"), AuditEvent.by(ctx, who))
        .onSuccess(list -> JsonReply.send(ctx, 200, new JsonObject().put("items",
            new JsonArray(list.stream().map(SignedReport::toJson).toList()))))
        .onFailure(ctx::fail);
  }

  private void pdf(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    reports.pdf(who, ctx.pathParam("requestId"), ctx.pathParam("version"), AuditEvent.by(ctx, who))
        .onSuccess(r -> {
          SignedReport s = r.report();
          ctx.response().putHeader("Content-Type", "application/pdf").putHeader("Cache-Control", "no-store")
              .putHeader("X-Signature-Valid", String.valueOf(s.pdf().valid()))
              .putHeader("Content-Disposition", "attachment; filename=\"bien-ban-hoi-chan-" + s.id() + ".pdf\"")
              .end(Buffer.buffer(r.bytes()));
        })
        .onFailure(ctx::fail);
  }

}
