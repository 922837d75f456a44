package org.consilium.emr.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consilium.testing.TestServer;

/**
 * A stand-in for the hospital EMR's FHIR server: takes transaction Bundles on /fhir and keeps each Bundle once by
 * its identifier (as a conditional create would), answering a repeat with 200 and creating nothing. It can be told
 * to fail (500), to refuse (400 with an OperationOutcome), to store and then answer too late, or go down and come
 * back on the same port.
 */
final class StandInEmr implements AutoCloseable {

  enum Mode { ACCEPT, FAIL, REFUSE, STORE_THEN_STALL }

  /** One request as it arrived. */
  record Received(String requestId, String identifier, String authorization, Mode mode) {
    /** Answered 2xx in time: Consilium learnt that this Bundle arrived. */
    boolean acknowledged() {
      return mode == Mode.ACCEPT;
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.ACCEPT;
  private volatile String lastBody;
  private volatile long stallMillis;
  private HttpServer server;
  private int port;

  StandInEmr start() {
    server = TestServer.await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      lastBody = body.toString();
      String identifier = new JsonObject(lastBody).getJsonObject("identifier").getString("value");
      Mode now = mode;
      int status = switch (now) {
        case FAIL -> 500;
        case REFUSE -> 400;
        case ACCEPT, STORE_THEN_STALL -> {
          created.add(identifier);
          yield 200;
        }
      };
      received.add(new Received(req.getHeader("X-Request-Id"), identifier, req.getHeader("Authorization"), now));
      var response = req.response().putHeader("Content-Type", "application/fhir+json").setStatusCode(status);
      String answer = status == 400 ? outcome("Bundle.entry[0].resource: Patient.identifier system is not known") : status == 500
          ? outcome("database unavailable") : new JsonObject().put("resourceType", "Bundle").put("type", "transaction-response").encode();
      if (now == Mode.STORE_THEN_STALL) vertx.setTimer(stallMillis, t -> response.end(answer));
      else response.end(answer);
    })).listen(port, "127.0.0.1"));
    port = server.actualPort();
    return this;
  }

  private static String outcome(String text) {
    return new JsonObject().put("resourceType", "OperationOutcome").put("issue", new JsonArray().add(new JsonObject()
        .put("severity", "error").put("code", "invalid").put("diagnostics", text))).encode();
  }

  /** Closes the port: the next connections are refused until {@link #start} opens it again. */
  void goDown() {
    TestServer.await(server.close());
  }

  void mode(Mode next) {
    mode = next;
  }

  void stallFor(long millis) {
    stallMillis = millis;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/fhir";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The last Bundle that arrived, as sent. */
  String lastBody() {
    return lastBody;
  }

  /** Bundles kept, by identifier: each one once, however often it was sent. */
  Set<String> created() {
    return Set.copyOf(created);
  }

  /** Waits (up to a minute) until {@code condition} holds: deliveries are retried in the background. */
  static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    TestServer.await(vertx.close());
  }
}
