package org.consilium.audit;

import java.time.Instant;
import org.consilium.store.Page;

/** Filters of an audit search; a null filter matches everything. {@code from} is inclusive, {@code to} exclusive. */
public record AuditQuery(String patientId, String userId, AuditAction action, AuditOutcome outcome, Instant from,
                         Instant to, Page.Request page) {
}
