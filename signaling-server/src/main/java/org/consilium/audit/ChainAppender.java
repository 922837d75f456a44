package org.consilium.audit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events to the chain one batch at a time. Within this process appends are serialised through one
 * queue (no two writes in flight, so the in-memory head is always the last stored link); events that arrive
 * while a batch is being written go together into the next one, in one durable write. Across nodes, the
 * unique seq decides: a writer that loses the race re-reads the head and re-chains what it had not stored.
 */
final class ChainAppender {

  private static final Logger LOG = LoggerFactory.getLogger(ChainAppender.class);
  private static final int MAX_BATCH = 256;
  private static final int MAX_RACES = 50;

  private final Vertx vertx;
  private final Store store;
  private final AuditStore records;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean draining;
  /** Read and written only by the one batch in flight; null means "re-read from the database". */
  private volatile AuditStore.Head head;

  ChainAppender(Vertx vertx, Store store, AuditStore records) {
    this.vertx = vertx;
    this.store = store;
    this.records = records;
  }

  /** Completes, on the caller's context, once the event is durably part of the chain. */
  Future<Void> append(AuditEvent event) {
    Context caller = vertx.getOrCreateContext();
    Pending pending = new Pending(event, new CompletableFuture<>());
    boolean start;
    synchronized (queue) {
      queue.add(pending);
      start = !draining;
      draining = true;
    }
    if (start) drain();
    return Future.fromCompletionStage(pending.done, caller);
  }

  private void drain() {
    List<Pending> batch = new ArrayList<>();
    synchronized (queue) {
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) batch.add(queue.poll());
      if (batch.isEmpty()) {
        draining = false;
        return;
      }
    }
    store.write(() -> {
      write(batch);
      return null;
    }).onComplete(ar -> {
      if (ar.succeeded()) {
        batch.forEach(p -> p.done.complete(null));
      } else {
        head = null;
        // The cause names no patient data: audit events carry ids and short notes only.
        LOG.atError().addKeyValue("events", batch.size()).addKeyValue("error", String.valueOf(ar.cause()))
            .log("Audit trail write failed; the audited requests are refused");
        ApiException refused = new ApiException(ErrorCode.AUDIT_UNAVAILABLE,
            "The access could not be recorded in the audit trail, so it was not carried out; try again shortly");
        batch.forEach(p -> p.done.completeExceptionally(refused));
      }
      drain();
    });
  }

  /** Runs on the store pool. Chains the batch on the head and stores it, re-chaining after a lost race. */
  private void write(List<Pending> batch) {
    int stored = 0;
    for (int race = 0; stored < batch.size(); race++) {
      if (race > MAX_RACES) throw new IllegalStateException("audit chain head kept moving; gave up after " + race + " tries");
      AuditStore.Head at = head != null ? head : records.head();
      List<AuditRecord> links = new ArrayList<>(batch.size() - stored);
      String prev = at.hash();
      for (int i = stored; i < batch.size(); i++) {
        AuditRecord link = AuditRecord.link(at.seq() + links.size() + 1, prev, batch.get(i).event);
        links.add(link);
        prev = link.hash();
      }
      int inserted = records.insertInOrder(links);
      stored += inserted;
      head = inserted == links.size() ? new AuditStore.Head(links.get(inserted - 1).seq(), links.get(inserted - 1).hash()) : null;
    }
  }

  private record Pending(AuditEvent event, CompletableFuture<Void> done) {
  }
}
