package org.consilium.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.bson.Document;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditService;
import org.consilium.audit.Verification;
import org.consilium.store.Store;
import org.consilium.store.StoreConfig;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.TestServer;

/**
 * {@code ./consilium bench audit}: the cost of the hash-chained, fail-closed audit trail on the embedded store,
 * side by side with its reference, a plain durable insert per event (what an unchained audit log costs).
 * Prints a table and rewrites the audit section of docs/performance.md.
 */
public final class AuditBench {

  private static final int[] CONCURRENCY = {1, 16, 64};

  private AuditBench() {
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("consilium-bench-audit");
    Store store = TestServer.await(Store.open(vertx, new StoreConfig(Optional.empty(), "bench", dir, 8)));
    try {
      AuditService audit = TestServer.await(AuditService.start(vertx, store));
      run(events / 4, 16, audit::record);
      run(events / 4, 16, AuditBench.reference(store));
      List<String> rows = new ArrayList<>();
      for (int c : CONCURRENCY) {
        rows.add(row("hash-chained `AuditTrail.record`", c, run(events, c, audit::record)));
        rows.add(row("reference: plain insert, one durable write each", c, run(events, c, reference(store))));
      }
      long start = System.nanoTime();
      Verification v = TestServer.await(audit.verify());
      double seconds = (System.nanoTime() - start) / 1e9;
      String table = "Warm-up: " + events / 4 + " events of each kind first (not counted).\n\n| operation | concurrent callers | events | events/s | p50 ms | p95 ms |\n|---|---|---|---|---|---|\n"
          + String.join("", rows)
          + String.format("| `GET /api/audit/verify` walk (valid=%s) | 1 | %d | %.0f | | |%n", v.valid(), v.checked(), v.checked() / seconds);
      String section = "Measured " + Instant.now().toString().substring(0, 10) + " on " + Runtime.getRuntime().availableProcessors()
          + " cores (load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
          + " at the end: other work shared the machine), embedded store (H2 file committed before each acknowledgement), "
          + events + " events per row.\n\n" + table;
      System.out.println(section);
      System.setProperty("consilium.updateDocs", "true");
      GeneratedDocs.assertSection("performance.md", "audit", section);
    } finally {
      TestServer.await(store.close());
      TestServer.await(vertx.close());
    }
  }

  /** The reference: each event inserted on its own, without chain or hash, durable before it completes. */
  private static Function<AuditEvent, Future<Void>> reference(Store store) {
    return e -> store.write(() -> {
      store.collection("audit_reference").insertOne(new Document("at", java.util.Date.from(e.at()))
          .append("actorUserId", e.actorUserId()).append("action", e.action().name()).append("resourceId", e.resourceId()));
      return null;
    });
  }

  /** Appends {@code n} events keeping {@code concurrency} in flight; returns each call's latency in ms and the total time last. */
  private static double[] run(int n, int concurrency, Function<AuditEvent, Future<Void>> record) throws InterruptedException {
    double[] latencies = new double[n + 1];
    Semaphore inFlight = new Semaphore(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      inFlight.acquire();
      int index = i;
      long began = System.nanoTime();
      record.apply(new AuditEvent(Instant.now(), "user-" + (i % 50), "bench", "specialist", "hospital-1", AuditAction.READ,
              "patient", "p-" + i, "p-" + i, AuditOutcome.SUCCESS, "127.0.0.1", "req-" + i, null))
          .onComplete(ar -> {
            if (ar.failed()) throw new IllegalStateException(ar.cause());
            latencies[index] = (System.nanoTime() - began) / 1e6;
            inFlight.release();
          });
    }
    inFlight.acquire(concurrency);
    latencies[n] = (System.nanoTime() - start) / 1e9;
    return latencies;
  }

  private static String row(String what, int concurrency, double[] measured) {
    int n = measured.length - 1;
    double[] sorted = Arrays.copyOf(measured, n);
    Arrays.sort(sorted);
    return String.format("| %s | %d | %d | %.0f | %.1f | %.1f |%n", what, concurrency, n, n / measured[n],
        sorted[n / 2], sorted[(int) (n * 0.95)]);
  }
}
