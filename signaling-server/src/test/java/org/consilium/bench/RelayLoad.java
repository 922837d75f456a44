package org.consilium.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives relayed messages over open WebSockets, four to a room: each connection sends an {@code ice} message to
 * the next one in its room and has one message in flight at a time, at most {@link #RATE} a second (under the
 * server's default per-connection limit), so the load is closed-loop and a slower server gets fewer messages.
 * Latency is one-way, send to receipt at the named peer, measured in this process on one clock.
 */
final class RelayLoad {

  /** Messages a second one connection sends at most: below ROOM_MESSAGES_PER_SECOND's default of 50. */
  static final int RATE = 40;
  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1) / RATE;

  /** One open connection: its socket and the name the server relays to it by. */
  record Peer(WebSocket ws, String name) {
  }

  /** What one run measured. */
  record Result(int connections, long delivered, double seconds, double p50, double p99, long refused) {
  }

  private final Vertx vertx;
  private final List<Peer> peers;
  private final long[] lastSent;
  private final long[] latencies;
  private final AtomicInteger recorded = new AtomicInteger();
  private final AtomicLong refused = new AtomicLong();
  private volatile long countFrom = Long.MAX_VALUE;
  private volatile long stopAt = Long.MAX_VALUE;

  private RelayLoad(Vertx vertx, List<Peer> peers, int seconds) {
    this.vertx = vertx;
    this.peers = peers;
    this.lastSent = new long[peers.size()];
    this.latencies = new long[peers.size() * RATE * (seconds + 2)];
  }

  /** A client whose connection pool does not queue connections beyond the default 50. */
  static WebSocketClient client(Vertx vertx) {
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(4_000));
  }

  static Future<WebSocket> connect(WebSocketClient client, int port, String uri) {
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri));
  }

  /** Runs {@code seconds} of load after one second of warm-up and returns what was delivered in them. */
  static Result run(Vertx vertx, List<Peer> peers, int seconds) throws InterruptedException {
    RelayLoad load = new RelayLoad(vertx, peers, seconds);
    for (int i = 0; i < peers.size(); i++) {
      int index = i;
      peers.get(i).ws().textMessageHandler(text -> load.received(index, text));
      vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(INTERVAL / 1_000_000), t -> load.send(index));
    }
    long start = System.nanoTime();
    load.countFrom = start + TimeUnit.SECONDS.toNanos(1);
    load.stopAt = load.countFrom + TimeUnit.SECONDS.toNanos(seconds);
    TimeUnit.NANOSECONDS.sleep(load.stopAt - start);
    TimeUnit.SECONDS.sleep(1);
    int n = Math.min(load.recorded.get(), load.latencies.length);
    long[] sorted = Arrays.copyOf(load.latencies, n);
    Arrays.sort(sorted);
    return new Result(peers.size(), n, seconds, n == 0 ? 0 : sorted[n / 2] / 1e6, n == 0 ? 0 : sorted[(int) (n * 0.99)] / 1e6,
        load.refused.get());
  }

  private void send(int from) {
    long now = System.nanoTime();
    if (now >= stopAt) return;
    lastSent[from] = now;
    Peer to = peers.get(next(from));
    peers.get(from).ws().writeTextMessage(new JsonObject().put("type", "ice").put("to", to.name())
        .put("candidate", new JsonObject().put("candidate", "bench " + from + " " + now).put("sdpMid", "0").put("sdpMLineIndex", 0))
        .encode());
  }

  private void received(int at, String text) {
    long now = System.nanoTime();
    JsonObject m = new JsonObject(text);
    if ("error".equals(m.getString("type"))) {
      // A refused message never arrives: the sender waits one interval and goes on.
      refused.incrementAndGet();
      vertx.setTimer(INTERVAL / 1_000_000, t -> send(at));
      return;
    }
    if (!"ice".equals(m.getString("type"))) return;
    String[] parts = m.getJsonObject("candidate").getString("candidate").split(" ");
    int from = Integer.parseInt(parts[1]);
    long sent = Long.parseLong(parts[2]);
    if (sent >= countFrom && sent < stopAt) {
      int k = recorded.getAndIncrement();
      if (k < latencies.length) latencies[k] = now - sent;
    }
    long wait = lastSent[from] + INTERVAL - now;
    if (wait <= TimeUnit.MILLISECONDS.toNanos(1)) {
      send(from);
    } else {
      vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(wait), t -> send(from));
    }
  }

  /** The next connection in the same room of four. */
  private static int next(int i) {
    return i / 4 * 4 + (i + 1) % 4;
  }

  /** Closes every socket and waits for them (bounded). */
  static void closeAll(List<Peer> peers) {
    List<Future<Void>> closing = new ArrayList<>();
    for (Peer p : peers) closing.add(p.ws().close());
    try {
      Future.join(closing).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("closing sockets: " + e);
    }
  }
}
