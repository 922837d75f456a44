package org.consilium.audit;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One link of the audit chain: the event, its position ({@code seq}, 1..n), the hash of the link before it
 * and its own hash. {@code hash = SHA-256(canonical(seq, prevHash, event fields))}, so changing any field of
 * a stored record, or its place in the chain, no longer matches.
 */
public record AuditRecord(long seq, AuditEvent event, String prevHash, String hash) {

  /** The prevHash of record 1. */
  public static final String GENESIS = "0".repeat(64);

  /** Appends {@code event} after the link {@code (seq - 1, prevHash)}; the event time is kept to the millisecond, as stored. */
  public static AuditRecord link(long seq, String prevHash, AuditEvent event) {
    AuditEvent stored = new AuditEvent(java.time.Instant.ofEpochMilli(event.at().toEpochMilli()), event.actorUserId(),
        event.actorName(), event.actorRole(), event.actorHospitalId(), event.action(), event.resourceType(),
        event.resourceId(), event.patientId(), event.outcome(), event.clientAddress(), event.requestId(), event.detail());
    return new AuditRecord(seq, stored, prevHash, hashOf(seq, prevHash, stored));
  }

  /** Whether the stored hash still matches the record's content. */
  public boolean hashMatches() {
    return hashOf(seq, prevHash, event).equals(hash);
  }

  /**
   * The hash of a link. Canonical encoding, so that anyone can recompute it: the fields in this order, each as
   * its UTF-8 byte length, ':', the UTF-8 bytes, then ';' (an absent value is written '-;'): seq (decimal),
   * prevHash, at (epoch milliseconds, decimal), actorUserId, actorName, actorRole, actorHospitalId, action,
   * resourceType, resourceId, patientId, outcome, clientAddress, requestId, detail. Result: lower-case hex.
   */
  static String hashOf(long seq, String prevHash, AuditEvent e) {
    StringBuilder canonical = new StringBuilder(256);
    for (String field : new String[] {Long.toString(seq), prevHash, Long.toString(e.at().toEpochMilli()),
        e.actorUserId(), e.actorName(), e.actorRole(), e.actorHospitalId(), e.action().name(), e.resourceType(),
        e.resourceId(), e.patientId(), e.outcome().name(), e.clientAddress(), e.requestId(), e.detail()}) {
      if (field == null) {
        canonical.append("-;");
      } else {
        canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(';');
      }
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e2) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e2);
    }
  }

  /**
   * What the patient's care team sees of an access: who, when, what, with what outcome; not the chain's hashes,
   * the caller's network address or the free-text detail, which stay for the administrators' audit view.
   */
  public JsonObject toAccessJson() {
    AuditEvent e = event;
    return new JsonObject().put("seq", seq).put("at", e.at().toString()).put("actorUserId", e.actorUserId())
        .put("actorName", e.actorName()).put("actorRole", e.actorRole()).put("actorHospitalId", e.actorHospitalId())
        .put("action", e.action().name()).put("resourceType", e.resourceType()).put("resourceId", e.resourceId())
        .put("outcome", e.outcome().name());
  }

  public JsonObject toJson() {
    AuditEvent e = event;
    return new JsonObject()
        .put("seq", seq)
        .put("at", e.at().toString())
        .put("actorUserId", e.actorUserId())
        .put("actorName", e.actorName())
        .put("actorRole", e.actorRole())
        .put("actorHospitalId", e.actorHospitalId())
        .put("action", e.action().name())
        .put("resourceType", e.resourceType())
        .put("resourceId", e.resourceId())
        .put("patientId", e.patientId())
        .put("outcome", e.outcome().name())
        .put("clientAddress", e.clientAddress())
        .put("requestId", e.requestId())
        .put("detail", e.detail())
        .put("prevHash", prevHash)
        .put("hash", hash);
  }
}
