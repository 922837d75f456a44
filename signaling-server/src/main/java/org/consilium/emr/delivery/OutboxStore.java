package org.consilium.emr.delivery;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Page;
import org.consilium.store.Store;

/**
 * The {@code emr_outbox} collection. Every state change is one atomic single-document update: a claim sets a
 * lease and a claim token in one findOneAndUpdate, and the outcome of an attempt is written only by the holder of
 * that token, so two deliverers (threads or nodes) never send the same entry at once and a stale one cannot
 * overwrite a newer outcome. No transactions needed. Times are epoch milliseconds. Methods block.
 */
final class OutboxStore {

  static final String COLLECTION = "emr_outbox";

  private final Store store;

  OutboxStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("state", "nextAttemptAt")), new IndexModel(Indexes.descending("createdAt")));
  }

  /** Adds the entry unless one with its id exists; true if it was added. */
  boolean insertIfAbsent(String id, String patientId, String reportId, int version, String bundle, Instant now) {
    try {
      collection().insertOne(new Document("_id", id).append("patientId", patientId).append("reportId", reportId)
          .append("version", version).append("bundle", bundle).append("state", OutboxEntry.State.PENDING.name())
          .append("attempts", 0).append("lastError", null).append("lastStatus", null).append("nextAttemptAt", now.toEpochMilli())
          .append("leaseUntil", 0L).append("claim", null).append("createdAt", now.toEpochMilli()).append("deliveredAt", null));
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
      throw e;
    }
  }

  /** Claims the longest-waiting due entry for {@code claim} until {@code leaseUntil}, counting the attempt. */
  OutboxEntry claimDue(Instant now, Instant leaseUntil, String claim) {
    Document d = collection().findOneAndUpdate(
        Filters.and(Filters.eq("state", OutboxEntry.State.PENDING.name()), Filters.lte("nextAttemptAt", now.toEpochMilli()),
            Filters.lte("leaseUntil", now.toEpochMilli())),
        Updates.combine(Updates.set("leaseUntil", leaseUntil.toEpochMilli()), Updates.set("claim", claim), Updates.inc("attempts", 1)),
        new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt")).returnDocument(ReturnDocument.AFTER));
    return d == null ? null : OutboxEntry.fromDocument(d);
  }

  /** The attempt's outcome, if {@code claim} still holds the entry; false when it does not (lease lost). */
  boolean settle(String id, String claim, OutboxEntry.State state, Integer status, String error, Instant next, Instant now) {
    List<Bson> set = new ArrayList<>(List.of(Updates.set("state", state.name()), Updates.set("lastStatus", status),
        Updates.set("lastError", error), Updates.set("leaseUntil", 0L), Updates.set("claim", null)));
    if (next != null) set.add(Updates.set("nextAttemptAt", next.toEpochMilli()));
    if (state == OutboxEntry.State.DELIVERED) set.add(Updates.set("deliveredAt", now.toEpochMilli()));
    return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("claim", claim)), Updates.combine(set))
        .getModifiedCount() == 1;
  }

  /**
   * An administrator's retry: a rejected or exhausted entry, or a pending one waiting out its back-off (not being
   * sent right now), is due at once, its attempts counted afresh. Null when there is no such entry.
   */
  OutboxEntry retry(String id, Instant now) {
    Document d = collection().findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.or(
            Filters.in("state", OutboxEntry.State.REJECTED.name(), OutboxEntry.State.EXHAUSTED.name()),
            Filters.and(Filters.eq("state", OutboxEntry.State.PENDING.name()), Filters.lte("leaseUntil", now.toEpochMilli())))),
        Updates.combine(Updates.set("state", OutboxEntry.State.PENDING.name()), Updates.set("attempts", 0),
            Updates.set("nextAttemptAt", now.toEpochMilli()), Updates.set("leaseUntil", 0L)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return d == null ? null : OutboxEntry.fromDocument(d);
  }

  OutboxEntry find(String id) {
    Document d = collection().find(Filters.eq("_id", id)).first();
    return d == null ? null : OutboxEntry.fromDocument(d);
  }

  /** Newest first, optionally of one state. */
  Page<OutboxEntry> list(OutboxEntry.State state, Page.Request page) {
    Bson filter = state == null ? new Document() : Filters.eq("state", state.name());
    List<OutboxEntry> out = new ArrayList<>();
    collection().find(filter).sort(Sorts.descending("createdAt")).skip(page.offset()).limit(page.limit())
        .forEach(d -> out.add(OutboxEntry.fromDocument(d)));
    return page.of(out, collection().countDocuments(filter));
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
