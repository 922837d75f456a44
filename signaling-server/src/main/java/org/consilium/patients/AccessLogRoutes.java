package org.consilium.patients;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditQuery;
import org.consilium.audit.AuditRecord;
import org.consilium.audit.AuditService;
import org.consilium.audit.AuditTrail;
import org.consilium.http.JsonReply;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/**
 * The care team's view of who accessed its patient's record (Circular 46/2018: every access is traceable). The
 * administrators' {@code /api/audit} keeps the whole chain; this shows one patient's accesses to those who may
 * see the patient.
 */
public final class AccessLogRoutes {

  private final PatientService patients;
  private final AuditService chain;
  private final AuditTrail audit;

  public AccessLogRoutes(PatientService patients, AuditService chain, AuditTrail audit) {
    this.patients = patients;
    this.chain = chain;
    this.audit = audit;
  }

  public void mount(RouteTable api) {
    api.route(GET, "/api/patients/:patientId/access-log").roles(Role.CLINICAL).patient("patientId")
        .summary("Who accessed this patient's record").handler(this::read);
  }

  /** Care relationship first, then the filters: a stranger learns nothing. The reading is itself an access. */
  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String patientId = ctx.pathParam("patientId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who).resource("access-log", patientId);
    patients.requireVisible(who, patientId, AuditAction.READ, event).compose(patient -> {
      QueryInput in = QueryInput.of(ctx, "from", "to", "limit", "offset");
      AuditQuery query = new AuditQuery(patientId, null, null, null, in.instant("from"), in.instant("to"), in.paging(50, 500));
      in.requireAfter("to", query.to(), "from", query.from());
      in.throwIfInvalid();
      return chain.search(query);
    }).compose(page -> audit.record(event.patient(patientId).detail("results=" + page.items().size())
            .build(AuditAction.READ, AuditOutcome.SUCCESS)).map(page))
        .onSuccess(page -> JsonReply.send(ctx, 200, page.toJson(AuditRecord::toAccessJson)))
        .onFailure(ctx::fail);
  }
}
