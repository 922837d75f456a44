package org.consilium.audit;

import com.mongodb.client.MongoCursor;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Walks the chain from seq 1 in batches on the store's worker pool (one batch per task, so a long walk never
 * holds a worker for long) and stops at the first broken link: a missing seq (a deleted record), a prevHash
 * that is not the previous link's hash (a record moved, replaced or re-hashed), or a hash that does not match
 * the record's content (a changed field).
 */
final class AuditVerifier {

  private final Store store;
  private final AuditStore records;
  private final int batchSize;

  AuditVerifier(Store store, AuditStore records, int batchSize) {
    this.store = store;
    this.records = records;
    this.batchSize = batchSize;
  }

  Future<Verification> verify() {
    return store.read(() -> records.chain(batchSize)).compose(cursor -> walk(cursor, new Walk(1, AuditRecord.GENESIS, 0))
        .eventually(() -> store.read(() -> {
          cursor.close();
          return null;
        })));
  }

  private Future<Verification> walk(MongoCursor<Document> cursor, Walk at) {
    return store.read(() -> check(at, next(cursor)))
        .compose(step -> step.result != null ? Future.succeededFuture(step.result) : walk(cursor, step.next));
  }

  private List<Document> next(MongoCursor<Document> cursor) {
    List<Document> batch = new ArrayList<>(batchSize);
    while (batch.size() < batchSize && cursor.hasNext()) batch.add(cursor.next());
    return batch;
  }

  /** Checks one batch; either a final result or where to continue. A short batch is the end of the chain. */
  private Step check(Walk at, List<Document> batch) {
    long expected = at.nextSeq;
    String prevHash = at.prevHash;
    long checked = at.checked;
    for (Document doc : batch) {
      long seq = AuditStore.seqOf(doc);
      if (seq != expected) {
        return broken(checked, expected, "record missing: the sequence jumps from " + (expected - 1) + " to " + seq, prevHash);
      }
      AuditRecord record;
      try {
        record = AuditStore.fromDocument(doc);
      } catch (RuntimeException e) {
        return broken(checked, seq, "record unreadable: a field is missing or has an unknown value", prevHash);
      }
      if (!prevHash.equals(record.prevHash())) {
        return broken(checked, seq, "prevHash does not match the hash of record " + (seq - 1), prevHash);
      }
      if (!record.hashMatches()) {
        return broken(checked, seq, "hash does not match the record's content", prevHash);
      }
      prevHash = record.hash();
      expected++;
      checked++;
    }
    if (batch.size() == batchSize) return new Step(null, new Walk(expected, prevHash, checked));
    return new Step(new Verification(true, checked, null, null, expected - 1, prevHash), null);
  }

  private static Step broken(long checked, long seq, String reason, String lastGoodHash) {
    return new Step(new Verification(false, checked, seq, reason, seq - 1, lastGoodHash), null);
  }

  private record Walk(long nextSeq, String prevHash, long checked) {
  }

  private record Step(Verification result, Walk next) {
  }
}
