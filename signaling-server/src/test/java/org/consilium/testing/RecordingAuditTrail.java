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
 * Wraps the server's hash-chained audit trail in tests: keeps every event that the trail stored, so tests can
 * check what was recorded, and can be told to refuse records, to prove that callers fail closed.
 */
public final class RecordingAuditTrail implements AuditTrail {

  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();
  private volatile AuditTrail trail;
  private volatile boolean failing;

  /** Records through {@code real} from now on (called on each start of the server). */
  public AuditTrail around(AuditTrail real) {
    this.trail = real;
    return this;
  }

  @Override
  public Future<Void> record(AuditEvent event) {
    if (failing) return Future.failedFuture(new ApiException(ErrorCode.AUDIT_UNAVAILABLE, "test: audit refused"));
    return trail.record(event).map(v -> {
      events.add(event);
      return null;
    });
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

  /** The events of {@code action} that match, once there are at least {@code count} (for records made after the answer). */
  public List<AuditEvent> awaitEvents(AuditAction action, java.util.function.Predicate<AuditEvent> matching, int count) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<AuditEvent> found = events(action).stream().filter(matching).toList();
      if (found.size() >= count || System.nanoTime() > deadline) return found;
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
    }
  }
}
