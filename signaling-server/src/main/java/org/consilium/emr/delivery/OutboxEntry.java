package org.consilium.emr.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.bson.Document;

/**
 * One signed report version waiting for (or done with) delivery to the EMR. The id is derived from the report
 * and its version, so the same signing announced twice is one entry, and the same id is the request id the EMR
 * sees on every attempt.
 */
record OutboxEntry(String id, String patientId, String reportId, int version, String bundle, State state, int attempts,
                   String lastError, Integer lastStatus, Instant nextAttemptAt, Instant leaseUntil, Instant createdAt,
                   Instant deliveredAt) {

  /** Where an entry stands. REJECTED and EXHAUSTED wait for an administrator. */
  enum State {
    PENDING, DELIVERED, REJECTED, EXHAUSTED;

    String wire() {
      return name().toLowerCase();
    }
  }

  static String idOf(String reportId, int version) {
    return reportId + "-v" + version;
  }

  /**
   * The X-Request-Id the EMR sees on every attempt of this entry (HAPI FHIR and most gateways log and trace it).
   * The id is unambiguous: the version is the digits after the last "-v".
   */
  String requestId() {
    return "consilium-" + id;
  }

  static OutboxEntry fromDocument(Document d) {
    return new OutboxEntry(d.getString("_id"), d.getString("patientId"), d.getString("reportId"), d.getInteger("version"),
        d.getString("bundle"), State.valueOf(d.getString("state")), d.getInteger("attempts"), d.getString("lastError"),
        d.getInteger("lastStatus"), instant(d, "nextAttemptAt"), instant(d, "leaseUntil"), instant(d, "createdAt"),
        instant(d, "deliveredAt"));
  }

  private static Instant instant(Document d, String field) {
    Long ms = d.getLong(field);
    return ms == null || ms == 0 ? null : Instant.ofEpochMilli(ms);
  }

  /** What an administrator sees: no Bundle (it holds clinical text), only ids, state and the last error. */
  JsonObject toJson(Instant now) {
    boolean sending = state == State.PENDING && leaseUntil != null && leaseUntil.isAfter(now);
    return new JsonObject().put("id", id).put("patientId", patientId).put("reportId", reportId).put("version", version)
        .put("state", sending ? "sending" : state.wire()).put("attempts", attempts).put("lastError", lastError)
        .put("lastStatus", lastStatus).put("nextAttemptAt", state == State.PENDING && nextAttemptAt != null ? nextAttemptAt.toString() : null)
        .put("createdAt", createdAt.toString()).put("deliveredAt", deliveredAt == null ? null : deliveredAt.toString())
        .put("requestId", requestId());
  }
}
