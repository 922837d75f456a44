package org.consilium.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Objects;
import org.consilium.access.CareTeam;
import org.consilium.store.Page;
import org.consilium.store.Store;

/**
 * The hash-chained audit trail in the {@code audit} collection: {@link #record} appends (fail closed),
 * {@link #search} serves the administrator's queries, {@link #verify} re-checks every link.
 */
public final class AuditService implements AuditTrail {

  private static final int VERIFY_BATCH = 1000;

  private final Store store;
  private final AuditStore records;
  private final ChainAppender appender;
  private final AuditVerifier verifier;

  private AuditService(Vertx vertx, Store store) {
    this.store = store;
    this.records = new AuditStore(store);
    this.appender = new ChainAppender(vertx, store, records);
    this.verifier = new AuditVerifier(store, records, VERIFY_BATCH);
  }

  public static Future<AuditService> start(Vertx vertx, Store store) {
    return store.ensureIndexes(AuditStore.COLLECTION, AuditStore.indexes()).map(v -> new AuditService(vertx, store));
  }

  /** Completes once the event is durably in the chain; fails with CNS-1200 (503) when it cannot be written. */
  @Override
  public Future<Void> record(AuditEvent event) {
    return appender.append(Objects.requireNonNull(event, "event"));
  }

  /** Records care-team grants and revocations: the grantor as actor, the grantee as resource, the reason as detail. */
  public static CareTeam.Recorder careTeamRecorder(AuditTrail trail) {
    return (grant, granted, byUserId) -> trail.record(new AuditEvent(Instant.now(), byUserId, null, null, null,
        granted ? AuditAction.CARE_GRANT : AuditAction.CARE_REVOKE, "care_team", grant.userId(), grant.patientId(),
        AuditOutcome.SUCCESS, null, null, grant.reason()));
  }

  public Future<Page<AuditRecord>> search(AuditQuery query) {
    return store.read(() -> records.search(query));
  }

  public Future<Verification> verify() {
    return verifier.verify();
  }
}
