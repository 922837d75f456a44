package org.consilium.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Page;
import org.consilium.store.Store;

/**
 * The {@code audit} collection: one document per link, {@code _id} = seq. The unique {@code _id} is what keeps
 * the chain from forking when two server nodes append at once: the second insert of a seq fails and its
 * writer re-reads the head. Every method blocks; callers run them inside {@link Store#read}/{@link Store#write}.
 */
final class AuditStore {

  static final String COLLECTION = "audit";

  private final Store store;

  AuditStore(Store store) {
    this.store = store;
  }

  /** Indexes for the administrator's searches (ignored by the embedded server, used by MongoDB). */
  static List<IndexModel> indexes() {
    return List.of(
        new IndexModel(Indexes.compoundIndex(Indexes.ascending("patientId"), Indexes.descending("_id"))),
        new IndexModel(Indexes.compoundIndex(Indexes.ascending("actorUserId"), Indexes.descending("_id"))),
        new IndexModel(Indexes.ascending("at")));
  }

  /** The last link, or seq 0 with the genesis hash for an empty trail. */
  Head head() {
    Document last = collection().find().sort(Sorts.descending("_id")).limit(1).first();
    return last == null ? new Head(0, AuditRecord.GENESIS) : new Head(seqOf(last), last.getString("hash"));
  }

  /**
   * Inserts the records in order and returns how many were stored: all of them, or fewer when another writer
   * took the next seq first (the rest must be re-chained on the new head). Any other failure is thrown.
   */
  int insertInOrder(List<AuditRecord> records) {
    List<Document> docs = new ArrayList<>(records.size());
    records.forEach(r -> docs.add(toDocument(r)));
    try {
      collection().insertMany(docs, new InsertManyOptions().ordered(true));
      return docs.size();
    } catch (MongoBulkWriteException e) {
      var first = e.getWriteErrors().get(0);
      if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
      return first.getIndex();
    }
  }

  /**
   * Every stored document in chain order, as stored, for verification: one cursor read in batches (a range
   * query per batch would make the embedded server scan the whole collection each time).
   */
  MongoCursor<Document> chain(int batchSize) {
    return collection().find().sort(Sorts.ascending("_id")).batchSize(batchSize).iterator();
  }

  /** Newest first. */
  Page<AuditRecord> search(AuditQuery q) {
    List<Bson> filters = new ArrayList<>();
    if (q.patientId() != null) filters.add(Filters.eq("patientId", q.patientId()));
    if (q.userId() != null) filters.add(Filters.eq("actorUserId", q.userId()));
    if (q.action() != null) filters.add(Filters.eq("action", q.action().name()));
    if (q.outcome() != null) filters.add(Filters.eq("outcome", q.outcome().name()));
    if (q.from() != null) filters.add(Filters.gte("at", Date.from(q.from())));
    if (q.to() != null) filters.add(Filters.lt("at", Date.from(q.to())));
    Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
    List<AuditRecord> items = new ArrayList<>();
    collection().find(filter).sort(Sorts.descending("_id")).skip(q.page().offset()).limit(q.page().limit())
        .forEach(d -> items.add(fromDocument(d)));
    return q.page().of(items, collection().countDocuments(filter));
  }

  static Document toDocument(AuditRecord r) {
    AuditEvent e = r.event();
    Document d = new Document("_id", r.seq()).append("at", Date.from(e.at()));
    putIfPresent(d, "actorUserId", e.actorUserId());
    putIfPresent(d, "actorName", e.actorName());
    putIfPresent(d, "actorRole", e.actorRole());
    putIfPresent(d, "actorHospitalId", e.actorHospitalId());
    d.append("action", e.action().name()).append("resourceType", e.resourceType());
    putIfPresent(d, "resourceId", e.resourceId());
    putIfPresent(d, "patientId", e.patientId());
    d.append("outcome", e.outcome().name());
    putIfPresent(d, "clientAddress", e.clientAddress());
    putIfPresent(d, "requestId", e.requestId());
    putIfPresent(d, "detail", e.detail());
    return d.append("prevHash", r.prevHash()).append("hash", r.hash());
  }

  /** Reads a stored link; throws a RuntimeException when a field is missing or not one of ours. */
  static AuditRecord fromDocument(Document d) {
    Date at = d.getDate("at");
    if (at == null) throw new IllegalArgumentException("no time");
    AuditEvent e = new AuditEvent(at.toInstant(), d.getString("actorUserId"), d.getString("actorName"),
        d.getString("actorRole"), d.getString("actorHospitalId"), AuditAction.valueOf(d.getString("action")),
        d.getString("resourceType"), d.getString("resourceId"), d.getString("patientId"),
        AuditOutcome.valueOf(d.getString("outcome")), d.getString("clientAddress"), d.getString("requestId"),
        d.getString("detail"));
    return new AuditRecord(seqOf(d), e, d.getString("prevHash"), d.getString("hash"));
  }

  static long seqOf(Document d) {
    return ((Number) d.get("_id")).longValue();
  }

  private static void putIfPresent(Document d, String key, String value) {
    if (value != null) d.append(key, value);
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  /** The end of the chain: the next record gets {@code seq + 1} and {@code prevHash = hash}. */
  record Head(long seq, String hash) {
  }
}
