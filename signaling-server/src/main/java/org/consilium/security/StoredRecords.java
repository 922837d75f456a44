package org.consilium.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/** Conventions the identity stores share: optimistic versioned updates, duplicate keys, instants as BSON dates. */
final class StoredRecords {

  private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

  private StoredRecords() {
  }

  /**
   * Applies {@code changes} only if the record is still at {@code expectedVersion}, bumping the version.
   * Blocking: call inside Store.write.
   */
  static Document updateVersioned(MongoCollection<Document> collection, String id, long expectedVersion, Bson changes,
                                  ErrorCode notFound) {
    Document after = collection.findOneAndUpdate(
        Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
        Updates.combine(changes, Updates.inc("version", 1L), Updates.set("updatedAt", new Date())), AFTER);
    if (after != null) return after;
    Document current = collection.find(Filters.eq("_id", id)).first();
    if (current == null) throw new ApiException(notFound, "No record with id " + id);
    throw new ApiException(ErrorCode.PRECONDITION_FAILED, "Someone else changed this record (now version "
        + current.get("version") + ", you sent " + expectedVersion + "); reload it and apply your change again");
  }

  /** Inserts a new record; a unique-index clash becomes the given answer (e.g. USERNAME_TAKEN). Blocking. */
  static void insertUnique(MongoCollection<Document> collection, Document doc, Supplier<ApiException> onDuplicate) {
    try {
      collection.insertOne(doc);
    } catch (RuntimeException e) {
      if (isDuplicateKey(e)) throw onDuplicate.get();
      throw e;
    }
  }

  /** Applies an unconditional update and returns the record after it, or null when there is none. */
  static Document updateAndGet(MongoCollection<Document> collection, Bson filter, Bson update) {
    return collection.findOneAndUpdate(filter, update, AFTER);
  }

  private static boolean isDuplicateKey(Throwable e) {
    return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  /** Now, at the millisecond precision a BSON date keeps, so a record reads back equal to what was written. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Document doc, String field) {
    Date d = doc.getDate(field);
    return d == null ? null : d.toInstant();
  }

  static long version(Document doc) {
    return ((Number) doc.get("version")).longValue();
  }
}
