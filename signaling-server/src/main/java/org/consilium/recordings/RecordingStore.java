package org.consilium.recordings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Recordings' metadata ({@code recordings}, one document each). Progress is moved by conditional updates on the
 * length already received, so two uploads of one chunk never both count; there are no transactions.
 */
final class RecordingStore {

  static final String COLLECTION = "recordings";

  private final Store store;

  RecordingStore(Store store) {
    this.store = store;
  }

  Future<Void> ensureIndexes() {
    return store.ensureIndexes(COLLECTION, List.of(new IndexModel(Indexes.ascending("sessionId", "startedAt"))));
  }

  Future<Recording> insert(Recording r) {
    return store.write(() -> {
      collection().insertOne(new Document("_id", r.id()).append("sessionId", r.sessionId()).append("patientIds", r.patientIds())
          .append("mimeType", r.mimeType()).append("recordedBy", r.recordedBy()).append("recordedByName", r.recordedByName())
          .append("startedAt", Date.from(r.startedAt())).append("complete", false).append("receivedBytes", 0L).append("nextIndex", 0));
      return r;
    });
  }

  Future<Optional<Recording>> find(String sessionId, String id) {
    return store.read(() -> Optional.ofNullable(collection().find(Filters.and(Filters.eq("_id", id), Filters.eq("sessionId", sessionId))).first())
        .map(RecordingStore::recording));
  }

  Future<List<Recording>> ofSession(String sessionId) {
    return store.read(() -> {
      List<Recording> all = new ArrayList<>();
      collection().find(Filters.eq("sessionId", sessionId)).sort(Sorts.ascending("startedAt")).forEach(d -> all.add(recording(d)));
      return all;
    });
  }

  /** Counts a chunk, only if nobody counted another since {@code from} was read; false when someone did. */
  Future<Boolean> advance(Recording from, long receivedBytes) {
    return store.write(() -> collection().updateOne(Filters.and(Filters.eq("_id", from.id()), Filters.eq("complete", false),
            Filters.eq("receivedBytes", from.receivedBytes()), Filters.eq("nextIndex", from.nextIndex())),
        Updates.combine(Updates.set("receivedBytes", receivedBytes), Updates.set("nextIndex", from.nextIndex() + 1))).getModifiedCount() == 1);
  }

  Future<Boolean> complete(Recording r, String sha256, Instant endedAt, Instant retainUntil) {
    return store.write(() -> collection().updateOne(Filters.and(Filters.eq("_id", r.id()), Filters.eq("complete", false),
            Filters.eq("receivedBytes", r.receivedBytes())),
        Updates.combine(Updates.set("complete", true), Updates.set("sha256", sha256), Updates.set("endedAt", Date.from(endedAt)),
            Updates.set("retainUntil", Date.from(retainUntil)))).getModifiedCount() == 1);
  }

  Future<Void> delete(String id) {
    return store.write(() -> {
      collection().deleteOne(Filters.eq("_id", id));
      return null;
    });
  }

  private static Recording recording(Document d) {
    return new Recording(d.getString("_id"), d.getString("sessionId"), d.getList("patientIds", String.class), d.getString("mimeType"),
        d.getString("recordedBy"), d.getString("recordedByName"), d.getDate("startedAt").toInstant(), d.getBoolean("complete", false),
        ((Number) d.get("receivedBytes")).longValue(), ((Number) d.get("nextIndex")).intValue(), instant(d, "endedAt"),
        d.getString("sha256"), instant(d, "retainUntil"));
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
