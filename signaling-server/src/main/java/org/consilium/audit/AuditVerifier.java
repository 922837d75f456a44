package org.consilium.audit;

import io.vertx.core.Future;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Walks the chain from seq 1 in batches on the store's worker pool and stops at the first broken link:
 * a missing seq (a deleted record), a prevHash that is not the previous link's hash (a record moved,
 * replaced or re-hashed), or a hash that does not match the record's content (a changed field).
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
    return walk(new Walk(1, AuditRecord.GENESIS, 0));
  }

  private Future<Verification> walk(Walk at) {
    return store.read(() -> check(at, records.chainFrom(at.nextSeq, batchSize)))
        .compose(step -> step.result != null ? Future.succeededFuture(step.result) : walk(step.next));
  }

  /** Checks one batch; either a final result or where to continue. */
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
    Walk next = new Walk(expected, prevHash, checked);
    if (batch.size() < batchSize) {
      return new Step(new Verification(true, checked, null, null, expected - 1, prevHash), null);
    }
    return new Step(null, next);
  }

  private static Step broken(long checked, long seq, String reason, String lastGoodHash) {
    return new Step(new Verification(false, checked, seq, reason, seq - 1, lastGoodHash), null);
  }

  private record Walk(long nextSeq, String prevHash, long checked) {
  }

  private record Step(Verification result, Walk next) {
  }
}
