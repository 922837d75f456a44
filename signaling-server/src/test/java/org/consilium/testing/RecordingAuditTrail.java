package org.consilium.testing;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/**
 * An in-memory audit trail for tests: keeps every event so tests can check what was recorded, and can be told
 * to refuse records, to prove that callers fail closed. Stands in until the hash-chained trail is wired.
 */
public final class RecordingAuditTrail implements AuditTrail {

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  @Override
  public Future<Void> record(AuditEvent event) {
    if (failing) return Future.failedFuture(new ApiException(ErrorCode.AUDIT_UNAVAILABLE, "test: audit refused"));
    events.add(event);
    return Future.succeededFuture();
  }

  public void failing(boolean refuse) {
    this.failing = refuse;
  }

  public List<AuditEvent> events() {
    return List.copyOf(events);
  }

  public List<AuditEvent> events(AuditAction action) {
    return events.stream().filter(e -> e.action() == action).toList();
  }
}
