package org.consilium.access;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Store;

/**
 * Care relationships: a clinician sees the patients of their own hospital, and a patient of another hospital
 * only through a care-team grant (collection {@code care_team}), e.g. as a participant of a consultation.
 * Grants and revocations are recorded through {@link Recorder} (the audit trail): a grant whose record cannot
 * be written is undone, so no access is widened unrecorded.
 */
public final class CareTeam {

  static final String COLLECTION = "care_team";

  /** Records a grant or a revocation; completes once the record is durable. */
  @FunctionalInterface
  public interface Recorder {
    Future<Void> record(CareGrant grant, boolean granted, String byUserId);
  }

  private final Store store;
  private final Recorder recorder;

  private CareTeam(Store store, Recorder recorder) {
    this.store = store;
    this.recorder = recorder;
  }

  public static Future<CareTeam> start(Store store, Recorder recorder) {
    return store.ensureIndexes(COLLECTION, List.of(
            new IndexModel(Indexes.ascending("userId", "patientId")),
            new IndexModel(Indexes.ascending("patientId"))))
        .map(v -> new CareTeam(store, recorder));
  }

  /** May {@code who} see the patient managed by {@code patientHospitalId}? Administrators never do. */
  public Future<Boolean> maySee(Principal who, String patientId, String patientHospitalId) {
    if (!Role.CLINICAL.contains(who.role())) return Future.succeededFuture(false);
    if (who.hospitalId().equals(patientHospitalId)) return Future.succeededFuture(true);
    return store.read(() -> collection().find(Filters.and(Filters.eq("patientId", patientId),
        Filters.eq("userId", who.userId()), active())).limit(1).first() != null);
  }

  /** Patients of other hospitals that the user currently sees through a grant. */
  public Future<Set<String>> grantedPatients(String userId) {
    return store.read(() -> {
      Set<String> ids = new LinkedHashSet<>();
      collection().find(Filters.and(Filters.eq("userId", userId), active()))
          .forEach(d -> ids.add(d.getString("patientId")));
      return ids;
    });
  }

  /** The active grants on one patient. */
  public Future<List<CareGrant>> grantsOn(String patientId) {
    return store.read(() -> {
      List<CareGrant> grants = new ArrayList<>();
      collection().find(Filters.and(Filters.eq("patientId", patientId), active())).forEach(d -> grants.add(fromDocument(d)));
      return grants;
    });
  }

  /** Grants without end; see {@link #grant(String, String, String, String, Instant)}. */
  public Future<CareGrant> grant(String patientId, String userId, String reason, String grantedBy) {
    return grant(patientId, userId, reason, grantedBy, null);
  }

  /**
   * Lets {@code userId} see {@code patientId} for {@code reason} until {@code expiresAt} (null: until revoked).
   * Granting again with the same reason renews the grant. Completes once the grant is stored and recorded.
   */
  public Future<CareGrant> grant(String patientId, String userId, String reason, String grantedBy, Instant expiresAt) {
    CareGrant grant;
    try {
      grant = new CareGrant(required(patientId, "patientId"), required(userId, "userId"), checkedReason(reason),
          required(grantedBy, "grantedBy"), Instant.ofEpochMilli(System.currentTimeMillis()),
          expiresAt == null ? null : Instant.ofEpochMilli(expiresAt.toEpochMilli()));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    String id = idOf(grant.patientId(), grant.userId(), grant.reason());
    return store.write(() -> {
          Document before = collection().find(Filters.eq("_id", id)).first();
          collection().replaceOne(Filters.eq("_id", id), toDocument(id, grant), new ReplaceOptions().upsert(true));
          return Optional.ofNullable(before);
        })
        .compose(before -> recorder.record(grant, true, grantedBy)
            .recover(failure -> undo(id, before.orElse(null)).transform(ignored -> Future.failedFuture(failure))))
        .map(grant);
  }

  /**
   * Ends the grant given for {@code reason}; other grants of the user on the patient remain. Revoking an
   * absent grant does nothing and records nothing. The revocation stands even when its record fails (less
   * access is the safe side); the Future then fails and a retry records it.
   */
  public Future<Boolean> revoke(String patientId, String userId, String reason, String revokedBy) {
    String id = idOf(patientId, userId, reason);
    return store.write(() -> collection().findOneAndDelete(Filters.eq("_id", id)))
        .compose(removed -> removed == null ? Future.succeededFuture(false)
            : recorder.record(fromDocument(removed), false, revokedBy).map(true));
  }

  private Future<Void> undo(String id, Document before) {
    return store.write(() -> {
      if (before == null) collection().deleteOne(Filters.eq("_id", id));
      else collection().replaceOne(Filters.eq("_id", id), before);
      return null;
    });
  }

  private static Bson active() {
    return Filters.or(Filters.exists("expiresAt", false), Filters.gt("expiresAt", new Date()));
  }

  private static String idOf(String patientId, String userId, String reason) {
    return patientId + "\n" + userId + "\n" + reason;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
    return value;
  }

  private static String checkedReason(String reason) {
    required(reason, "reason");
    if (reason.length() > 100 || reason.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("reason must be 1-100 characters without control characters");
    }
    return reason;
  }

  private static Document toDocument(String id, CareGrant g) {
    Document d = new Document("_id", id).append("patientId", g.patientId()).append("userId", g.userId())
        .append("reason", g.reason()).append("grantedBy", g.grantedBy()).append("grantedAt", Date.from(g.grantedAt()));
    if (g.expiresAt() != null) d.append("expiresAt", Date.from(g.expiresAt()));
    return d;
  }

  private static CareGrant fromDocument(Document d) {
    Date expires = d.getDate("expiresAt");
    return new CareGrant(d.getString("patientId"), d.getString("userId"), d.getString("reason"),
        d.getString("grantedBy"), d.getDate("grantedAt").toInstant(), expires == null ? null : expires.toInstant());
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
