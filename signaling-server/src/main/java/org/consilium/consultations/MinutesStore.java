package org.consilium.consultations;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * The {@code consultation_minutes} collection: one document per edition ({@code _id} requestId:edition). A signed
 * edition is never written again: every replace is conditioned on {@code signed: false} and the version.
 */
final class MinutesStore {

  static final String COLLECTION = "consultation_minutes";

  private final Store store;

  MinutesStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("requestId", "edition")));
  }

  /** The latest edition, or a given one (edition > 0). */
  Minutes find(String requestId, int edition) {
    Document d = edition > 0 ? collection().find(Filters.eq("_id", requestId + ":" + edition)).first()
        : collection().find(Filters.eq("requestId", requestId)).sort(Sorts.descending("edition")).limit(1).first();
    return d == null ? null : fromDocument(d);
  }

  /** Inserts a new edition; false if that edition exists already (someone else made it). */
  boolean insert(Minutes m) {
    try {
      collection().insertOne(toDocument(m));
      return true;
    } catch (MongoWriteException e) {
      if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) return false;
      throw e;
    }
  }

  /** Writes {@code next} over an unsigned edition still at {@code next.version() - 1}. */
  boolean replace(Minutes next) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", next.requestId() + ":" + next.edition()),
        Filters.eq("version", next.version() - 1), Filters.eq("signed", false)), toDocument(next)).getMatchedCount() == 1;
  }

  /** Puts back {@code previous} (or removes a first save, when null) if the edition is still {@code written}. */
  boolean restore(Minutes written, Minutes previous) {
    var filter = Filters.and(Filters.eq("_id", written.requestId() + ":" + written.edition()), Filters.eq("version", written.version()));
    return previous == null ? collection().deleteOne(filter).getDeletedCount() == 1
        : collection().replaceOne(filter, toDocument(previous)).getMatchedCount() == 1;
  }

  private static Document toDocument(Minutes m) {
    return new Document("_id", m.requestId() + ":" + m.edition()).append("requestId", m.requestId()).append("sessionId", m.sessionId())
        .append("edition", m.edition()).append("version", m.version()).append("signed", m.signed())
        .append("start", Date.from(m.start())).append("end", Date.from(m.end())).append("place", m.place())
        .append("participants", m.participants().stream().map(p -> new Document("userId", p.userId()).append("name", p.name())
            .append("role", p.role()).append("hospital", p.hospital())).toList())
        .append("patientSummary", m.patientSummary()).append("discussion", m.discussion()).append("conclusion", m.conclusion())
        .append("treatmentRecommendation", m.treatmentRecommendation()).append("chairId", m.chairId()).append("chairName", m.chairName())
        .append("updatedBy", m.updatedBy()).append("updatedAt", m.updatedAt() == null ? null : Date.from(m.updatedAt()))
        .append("signedBy", m.signedBy()).append("signedAt", m.signedAt() == null ? null : Date.from(m.signedAt()));
  }

  private static Minutes fromDocument(Document d) {
    Date updated = d.getDate("updatedAt");
    Date signedAt = d.getDate("signedAt");
    return new Minutes(d.getString("requestId"), d.getString("sessionId"), d.getInteger("edition"), ((Number) d.get("version")).longValue(),
        d.getBoolean("signed", false), d.getDate("start").toInstant(), d.getDate("end").toInstant(), d.getString("place"),
        d.getList("participants", Document.class, List.of()).stream().map(p -> new Minutes.Participant(p.getString("userId"),
            p.getString("name"), p.getString("role"), p.getString("hospital"))).toList(),
        d.getString("patientSummary"), d.getString("discussion"), d.getString("conclusion"), d.getString("treatmentRecommendation"),
        d.getString("chairId"), d.getString("chairName"), d.getString("updatedBy"), updated == null ? null : updated.toInstant(),
        d.getString("signedBy"), signedAt == null ? null : signedAt.toInstant());
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
