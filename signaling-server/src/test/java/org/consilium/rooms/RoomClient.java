package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;

/** A participant's room connection over a real WebSocket, as the web app opens it: ticket first, then connect. */
final class RoomClient implements AutoCloseable {

  /** Clients run on their own Vert.x, as a browser would be apart from the server (which tests restart). */
  private static final WebSocketClient CLIENT = Vertx.vertx().createWebSocketClient();

  private final LinkedBlockingDeque<JsonObject> inbox = new LinkedBlockingDeque<>();
  private final List<JsonObject> skipped = new ArrayList<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final WebSocket ws;

  private RoomClient(WebSocket ws) {
    this.ws = ws;
    ws.textMessageHandler(t -> inbox.add(new JsonObject(t)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
  }

  /** Asks for a ticket with {@code api} (knocking or not) and opens the socket with it. */
  static RoomClient enter(TestServer server, ApiClient api, String sessionId, boolean knock) {
    ApiClient.Response t = ticket(api, sessionId, knock);
    assertEquals(201, t.status(), t::toString);
    return open(server, t.json().getString("socketPath"), null);
  }

  static ApiClient.Response ticket(ApiClient api, String sessionId, boolean knock) {
    return api.post("/api/rooms/" + sessionId + "/tickets", knock ? new JsonObject().put("knock", true) : new JsonObject());
  }

  /** Opens a socket on {@code path}; fails with the HTTP refusal if the server does not upgrade. */
  static RoomClient open(TestServer server, String path, String origin) {
    return new RoomClient(TestServer.await(connect(server, path, origin, null)));
  }

  static Future<WebSocket> connect(TestServer server, String path, String origin, String bearer) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port()).setURI(path);
    if (origin != null) options.addHeader("Origin", origin);
    if (bearer != null) options.addHeader("Authorization", "Bearer " + bearer);
    return CLIENT.connect(options);
  }

  RoomClient send(JsonObject message) {
    ws.writeTextMessage(message.encode());
    return this;
  }

  RoomClient sendBinary(io.vertx.core.buffer.Buffer message) {
    ws.writeBinaryMessage(message);
    return this;
  }

  RoomClient sendRaw(String text) {
    ws.writeTextMessage(text);
    return this;
  }

  RoomClient join() {
    return send(new JsonObject().put("type", "join").put("audio", true).put("video", true));
  }

  /** The next message of this type, keeping the others for later calls; fails after 10 s. */
  JsonObject next(String type) {
    for (int i = 0; i < skipped.size(); i++) {
      if (type.equals(skipped.get(i).getString("type"))) return skipped.remove(i);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      JsonObject m;
      try {
        m = inbox.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (m == null) continue;
      if (type.equals(m.getString("type"))) return m;
      skipped.add(m);
    }
    throw new AssertionError("no '" + type + "' message; got " + skipped + " " + inbox);
  }

  /** The next error, which must carry {@code code}. */
  JsonObject error(String code) {
    JsonObject e = next("error");
    assertEquals(code, e.getString("code"), e::encode);
    return e;
  }

  /** Every message received so far and not yet taken. */
  List<JsonObject> pending() {
    List<JsonObject> all = new ArrayList<>(skipped);
    all.addAll(inbox);
    return all;
  }

  short awaitClose() {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the socket was not closed", e);
    }
  }

  boolean isClosed() {
    return ws.isClosed();
  }

  /** Drops the connection without a leave message, as a lost network would. */
  void drop() {
    ws.close();
  }

  @Override
  public void close() {
    if (!ws.isClosed()) ws.close();
  }
}
