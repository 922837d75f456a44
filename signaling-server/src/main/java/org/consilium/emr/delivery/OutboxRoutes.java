package org.consilium.emr.delivery;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonReply;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/** The administrator's view of deliveries to the EMR: the queue with its failures, and a retry. Both audited. */
public final class OutboxRoutes {

  private final EmrDelivery delivery;
  private final AuditTrail audit;

  public OutboxRoutes(EmrDelivery delivery, AuditTrail audit) {
    this.delivery = delivery;
    this.audit = audit;
  }

  public void mount(RouteTable api) {
    api.route(GET, "/api/emr/outbox").roles(Role.ADMINISTRATOR).summary("List deliveries to the hospital EMR").handler(this::list);
    api.route(POST, "/api/emr/outbox/:id/retry").roles(Role.ADMINISTRATOR).summary("Retry a delivery to the hospital EMR")
        .handler(this::retry);
  }

  private void list(RoutingContext ctx) {
    QueryInput in = QueryInput.of(ctx, "state", "limit", "offset");
    List<String> states = Arrays.stream(OutboxEntry.State.values()).map(OutboxEntry.State::wire).toList();
    OutboxEntry.State state = in.oneOf("state", s -> Arrays.stream(OutboxEntry.State.values()).filter(v -> v.wire().equals(s)).findFirst(), states);
    var page = in.paging(50, 500);
    in.throwIfInvalid();
    Instant now = Instant.now();
    delivery.list(state, page)
        .compose(p -> audit.record(AuditEvent.by(ctx, RouteTable.principal(ctx)).resource(EmrDelivery.RESOURCE, null)
            .detail("outbox results=" + p.items().size() + " total=" + p.total()).build(AuditAction.SEARCH, AuditOutcome.SUCCESS)).map(p))
        .onSuccess(p -> JsonReply.send(ctx, 200, p.toJson(e -> e.toJson(now)).put("enabled", delivery.enabled())))
        .onFailure(ctx::fail);
  }

  private void retry(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    AuditEvent.Builder event = AuditEvent.by(ctx, RouteTable.principal(ctx)).resource(EmrDelivery.RESOURCE, id);
    delivery.retry(id).compose(entry -> entry != null ? Future.succeededFuture(entry) : delivery.find(id).compose(found -> Future.failedFuture(
            found == null ? new ApiException(ErrorCode.EMR_DELIVERY_NOT_FOUND, "No outbox entry " + id)
                : new ApiException(ErrorCode.EMR_DELIVERY_NOT_RETRYABLE, "The entry is " + found.toJson(Instant.now()).getString("state")
                    + "; only a rejected, exhausted or waiting entry can be retried"))))
        .compose(entry -> audit.record(event.patient(entry.patientId()).detail("outbox retry").build(AuditAction.UPDATE, AuditOutcome.SUCCESS))
            .map(entry))
        .onSuccess(entry -> JsonReply.send(ctx, 200, entry.toJson(Instant.now())))
        .onFailure(ctx::fail);
  }
}
