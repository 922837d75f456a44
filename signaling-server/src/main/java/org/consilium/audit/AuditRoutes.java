package org.consilium.audit;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.consilium.access.Role;
import org.consilium.http.JsonReply;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/** The administrator's view of the audit trail: search it, verify its chain. Both are themselves audited. */
public final class AuditRoutes {

  private final AuditService chain;
  private final AuditTrail audit;

  /** Queries go to {@code chain}; the queries themselves are recorded through {@code audit}. */
  public AuditRoutes(AuditService chain, AuditTrail audit) {
    this.chain = chain;
    this.audit = audit;
  }

  public void mount(RouteTable api) {
    api.route(GET, "/api/audit").roles(Role.ADMINISTRATOR)
        .summary("Search the audit trail").handler(this::search);
    api.route(GET, "/api/audit/verify").roles(Role.ADMINISTRATOR)
        .summary("Verify the audit chain").handler(this::verify);
  }

  private void search(RoutingContext ctx) {
    QueryInput in = QueryInput.of(ctx, "patientId", "userId", "action", "outcome", "from", "to", "limit", "offset");
    AuditQuery query = new AuditQuery(in.text("patientId", 64), in.text("userId", 64),
        in.oneOf("action", s -> named(AuditAction.values(), s), names(AuditAction.values())),
        in.oneOf("outcome", s -> named(AuditOutcome.values(), s), names(AuditOutcome.values())),
        in.instant("from"), in.instant("to"), in.paging(50, 500));
    in.requireAfter("to", query.to(), "from", query.from());
    in.throwIfInvalid();
    chain.search(query)
        .compose(page -> audit.record(AuditEvent.by(ctx, RouteTable.principal(ctx)).resource("audit", null)
            .patient(query.patientId()).detail("results=" + page.items().size() + " total=" + page.total())
            .build(AuditAction.SEARCH, AuditOutcome.SUCCESS)).map(page))
        .onSuccess(page -> JsonReply.send(ctx, 200, page.toJson(AuditRecord::toJson)))
        .onFailure(ctx::fail);
  }

  private void verify(RoutingContext ctx) {
    chain.verify()
        .compose(result -> audit.record(AuditEvent.by(ctx, RouteTable.principal(ctx)).resource("audit", null)
            .detail(result.valid() ? "valid checked=" + result.checked() : "broken seq=" + result.brokenSeq())
            .build(AuditAction.AUDIT_VERIFY, result.valid() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED)).map(result))
        .onSuccess(result -> JsonReply.send(ctx, 200, result.toJson()))
        .onFailure(ctx::fail);
  }

  private static <E extends Enum<E>> Optional<E> named(E[] values, String name) {
    return Arrays.stream(values).filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
  }

  private static <E extends Enum<E>> List<String> names(E[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }
}
