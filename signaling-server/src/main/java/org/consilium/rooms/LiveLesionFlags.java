package org.consilium.rooms;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.rooms.RoomSocket.Stage;

/**
 * Live AI lesion flags in one room. An endoscopist or specialist marks their camera (the endoscopy tower's capture
 * card) as the endoscopy stream; their browser then sends sampled frames as binary WebSocket messages
 * ({@link #FRAME_KIND}, sequence, client time, JPEG). Each frame is analysed on the bounded inference pool and the
 * flags go to everyone in the room, tagged with the sender, sequence and client time so every screen draws them
 * over that participant's video. One frame per sender is analysed at a time; a frame that arrives meanwhile, or
 * that the pool refuses, is dropped with a "busy" answer, never queued. Live flags are not stored.
 */
final class LiveLesionFlags {

  /** First byte of a binary room message carrying an endoscopy frame. */
  static final byte FRAME_KIND = 1;
  /** kind (1) + sequence (uint32) + client time in ms (float64). */
  static final int HEADER_BYTES = 13;
  static final Set<Role> STREAMERS = Set.of(Role.ENDOSCOPIST, Role.SPECIALIST);
  private static final long ERROR_INTERVAL_NANOS = 1_000_000_000L;

  private final Room room;
  private final Set<String> streaming = new HashSet<>();
  private final Map<RoomSocket, Sender> senders = new HashMap<>();

  /** Per connection: its frame rate bucket, whether a frame is being analysed, when it was last told off. */
  private static final class Sender {
    final RateLimit rate;
    boolean analysing;
    long lastErrorNanos;

    Sender(RateLimit rate) {
      this.rate = rate;
    }
  }

  LiveLesionFlags(Room room) {
    this.room = room;
  }

  /** {@code endoscopy-stream}: the sender's camera is (no longer) the endoscopy stream; everyone is told. */
  void stream(RoomSocket from, boolean on) {
    String userId = from.principal.userId();
    if (on && !STREAMERS.contains(from.principal.role())) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, "endoscopy-stream", "Only endoscopists and specialists share an endoscopy stream for AI flags");
      return;
    }
    if (room.service.lesionDetector() == null) {
      from.error(ErrorCode.LESION_DETECTION_UNAVAILABLE, "endoscopy-stream", "Live lesion flags are not available on this server");
      return;
    }
    if (on == streaming.contains(userId)) return;
    room.logged(room.service.audit(room, from, AuditAction.LIVE_LESION_FLAGS, null, on ? "on" : "off")).onComplete(ar -> {
      if (ar.failed()) {
        from.error(ErrorCode.AUDIT_UNAVAILABLE, "endoscopy-stream", "Live flags cannot be recorded; try again shortly");
        return;
      }
      if (on) streaming.add(userId);
      else streaming.remove(userId);
      room.broadcast(Signals.of("endoscopy-stream").put("userId", userId).put("on", on), null);
    });
  }

  /** Whoever streams now, for a newcomer's welcome. */
  Set<String> streaming() {
    return Set.copyOf(streaming);
  }

  /** The connection left: its stream ends with it. */
  void closed(RoomSocket socket) {
    senders.remove(socket);
    String userId = socket.principal.userId();
    Participant p = room.participants.get(userId);
    if (streaming.contains(userId) && (p == null || !p.connected())) {
      streaming.remove(userId);
      room.broadcast(Signals.of("endoscopy-stream").put("userId", userId).put("on", false), null);
    }
  }

  /** A binary message: one endoscopy frame. */
  void frame(RoomSocket from, Buffer message) {
    String userId = from.principal.userId();
    // The bucket comes first, so that refused frames cannot be sent faster than accepted ones either.
    Sender sender = senders.computeIfAbsent(from, s -> new Sender(new RateLimit(room.service.liveFramesPerSecond(),
        room.service.liveFramesPerSecond(), System.nanoTime())));
    if (!sender.rate.tryTake(System.nanoTime())) {
      refuse(from, ErrorCode.ROOM_RATE_LIMITED, "Slow down: at most " + room.service.liveFramesPerSecond() + " live frames per second; frames are being dropped");
      return;
    }
    if (from.stage != Stage.JOINED) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, "lesion-frame", "Send join first");
      return;
    }
    if (!streaming.contains(userId)) {
      refuse(from, ErrorCode.ROOM_NOT_ALLOWED, "Mark your camera as the endoscopy stream (endoscopy-stream on) before sending frames");
      return;
    }
    int max = room.service.liveFrameBytes();
    if (message.length() > max) {
      refuse(from, ErrorCode.ROOM_MESSAGE_TOO_LARGE, "A live frame may have at most " + max + " bytes; send a smaller JPEG");
      return;
    }
    if (message.length() <= HEADER_BYTES || message.getByte(0) != FRAME_KIND) {
      refuse(from, ErrorCode.LIVE_FRAME_REFUSED, "A live frame is kind 1, a 4-byte sequence, an 8-byte client time and a JPEG");
      return;
    }
    long seq = message.getUnsignedInt(1);
    double clientTime = message.getDouble(5);
    if (sender.analysing) {
      busy(from, sender, seq, "the previous frame is still being analysed; this one was dropped");
      return;
    }
    sender.analysing = true;
    long started = System.nanoTime();
    room.service.lesionDetector().detect(message.getBytes(HEADER_BYTES, message.length())).onComplete(ar -> {
      sender.analysing = false;
      if (ar.succeeded()) {
        room.broadcast(ar.result().copy().put("type", "lesion-flags").put("from", userId).put("seq", seq).put("clientTime", clientTime)
            .put("serverMs", (System.nanoTime() - started) / 1_000_000.0), null);
      } else if (ar.cause() instanceof ApiException api && api.code() == ErrorCode.LESION_DETECTION_BUSY) {
        busy(from, sender, seq, "the AI workers are busy; this frame was dropped");
      } else if (ar.cause() instanceof ApiException api) {
        from.send(Signals.error(api.code(), "lesion-frame", api.getMessage()).put("seq", seq));
      } else {
        from.send(Signals.error(ErrorCode.LESION_DETECTION_FAILED, "lesion-frame", "The frame could not be analysed").put("seq", seq));
      }
    });
  }

  private void busy(RoomSocket from, Sender sender, long seq, String why) {
    long now = System.nanoTime();
    if (now - sender.lastErrorNanos < ERROR_INTERVAL_NANOS) return;
    sender.lastErrorNanos = now;
    from.send(Signals.error(ErrorCode.LESION_DETECTION_BUSY, "lesion-frame", "Busy: " + why).put("seq", seq));
  }

  private static void refuse(RoomSocket from, ErrorCode code, String detail) {
    from.error(code, "lesion-frame", detail);
  }
}
