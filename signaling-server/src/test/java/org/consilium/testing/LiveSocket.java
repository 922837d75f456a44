package org.consilium.testing;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of the notification WebSocket, as the web app uses it: authenticates by its first message, queues pushes. */
public final class LiveSocket implements WebSocket.Listener {

  public static final String PATH = "/api/notifications/ws";

  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;

  /** Connects and, unless {@code token} is null, sends the auth message. */
  public static LiveSocket open(TestServer server, String token) throws Exception {
    LiveSocket s = new LiveSocket();
    s.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri(server), s).get(10, TimeUnit.SECONDS);
    if (token != null) s.send(new JsonObject().put("type", "auth").put("token", token));
    return s;
  }

  public static URI uri(TestServer server) {
    return URI.create("ws://127.0.0.1:" + server.port() + PATH);
  }

  public void send(JsonObject msg) {
    ws.sendText(msg.encode(), true).join();
  }

  /** The next message, waiting up to 10 s. */
  public JsonObject next() throws InterruptedException {
    JsonObject m = received.poll(10, TimeUnit.SECONDS);
    if (m == null) throw new AssertionError("nothing received within 10 s");
    return m;
  }

  /** The close code the server sent, waiting up to 10 s. */
  public int closeCode() throws Exception {
    return closeCode.get(10, TimeUnit.SECONDS);
  }

  public void close() {
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(new JsonObject(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }
}
