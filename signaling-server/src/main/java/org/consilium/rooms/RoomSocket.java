package org.consilium.rooms;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.consilium.access.Principal;
import org.consilium.http.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of one user to one room: checks size and rate of every message, parses it, and hands
 * it to the room. Whatever a client sends, the answer is at worst an {@code error} message; the room goes on.
 */
final class RoomSocket {

  private static final Logger LOG = LoggerFactory.getLogger(RoomSocket.class);
  private static final long ERROR_INTERVAL_NANOS = 1_000_000_000L;

  /** Where a connection stands: not yet joined, joining (being audited), in the room, in the waiting room, gone. */
  enum Stage { CONNECTED, JOINING, JOINED, WAITING, CLOSED }

  final Principal principal;
  /** Came through the waiting room (a knock ticket) rather than as an invited participant or admitted guest. */
  final boolean knocking;
  final String clientAddress;
  final String requestId;
  private final ServerWebSocket ws;
  private final RateLimit rate;
  private final SignalCodec codec;
  Stage stage = Stage.CONNECTED;
  long lastSeenNanos;
  private long lastRateErrorNanos;

  RoomSocket(ServerWebSocket ws, Principal principal, boolean knocking, String requestId, RoomsConfig config, SignalCodec codec) {
    this.ws = ws;
    this.principal = principal;
    this.knocking = knocking;
    this.requestId = requestId;
    this.clientAddress = ws.remoteAddress() == null ? null : ws.remoteAddress().hostAddress();
    this.codec = codec;
    this.lastSeenNanos = System.nanoTime();
    this.rate = new RateLimit(config.messagesPerSecond(), config.messageBurst(), lastSeenNanos);
  }

  /** Wires the socket to its room; from here on every frame goes through {@link #receive}. */
  void attach(Room room) {
    ws.textMessageHandler(text -> receive(room, text));
    ws.binaryMessageHandler(b -> room.live.frame(this, b));
    ws.pongHandler(b -> lastSeenNanos = System.nanoTime());
    ws.exceptionHandler(e -> LOG.atDebug().addKeyValue("room", room.sessionId).log("Room socket error: " + e.getClass().getSimpleName()));
    ws.closeHandler(v -> {
      stage = Stage.CLOSED;
      room.closed(this);
    });
  }

  private void receive(Room room, String text) {
    long now = System.nanoTime();
    lastSeenNanos = now;
    if (!rate.tryTake(now)) {
      if (now - lastRateErrorNanos > ERROR_INTERVAL_NANOS) {
        lastRateErrorNanos = now;
        error(ErrorCode.ROOM_RATE_LIMITED, null, "Slow down: messages are being dropped");
      }
      return;
    }
    SignalMessage message;
    try {
      message = codec.parse(text);
    } catch (SignalCodec.Rejected r) {
      error(r.code(), r.type(), r.getMessage());
      return;
    }
    try {
      room.handle(this, message);
    } catch (RuntimeException e) {
      LOG.atError().setCause(e).addKeyValue("room", room.sessionId).log("A room message failed");
      error(ErrorCode.INTERNAL, null, "The server could not handle that message");
    }
  }

  void send(JsonObject message) {
    if (stage != Stage.CLOSED && !ws.isClosed()) ws.writeTextMessage(message.encode());
  }

  void error(ErrorCode code, String inReplyTo, String detail) {
    send(Signals.error(code, inReplyTo, detail));
  }

  void ping() {
    if (!ws.isClosed()) ws.writePing(io.vertx.core.buffer.Buffer.buffer("p"));
  }

  /** Closes with a WebSocket status and a short reason the client can show (1000 normal, 1008 policy). */
  void close(int status, String reason) {
    if (!ws.isClosed()) ws.close((short) status, reason);
  }
}
