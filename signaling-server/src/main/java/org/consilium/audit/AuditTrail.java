package org.consilium.audit;

import io.vertx.core.Future;

/**
 * The one way to record an access to patient data or to an account. Callers wait for the returned Future
 * before answering (fail closed): if the record cannot be written, the data does not leave.
 */
public interface AuditTrail {

  Future<Void> record(AuditEvent event);
}
