package org.consilium.rooms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import org.consilium.http.ErrorCode;

/** The messages the server sends on the room WebSocket (docs/rooms.md, "server to client"). */
final class Signals {

  private Signals() {
  }

  static JsonObject of(String type) {
    return new JsonObject().put("type", type);
  }

  static JsonObject error(ErrorCode code, String inReplyTo, String detail) {
    JsonObject e = of("error").put("code", code.code()).put("title", code.title()).put("detail", detail);
    return inReplyTo == null ? e : e.put("inReplyTo", inReplyTo);
  }

  static JsonObject participant(String type, Participant p, String moderatorUserId) {
    return of(type).put("participant", p.toJson(moderatorUserId));
  }

  static JsonObject left(String userId, String reason) {
    return of("left").put("userId", userId).put("reason", reason);
  }

  /** An offer, answer or ICE candidate passed on, saying who it came from. */
  static JsonObject relay(String type, String from, String field, Object value) {
    return of(type).put("from", from).put(field, value);
  }

  static JsonObject chat(ChatLine line) {
    return of("chat").put("message", line.toJson());
  }

  static JsonObject byModerator(String type, String moderatorUserId) {
    return of(type).put("by", moderatorUserId);
  }

  static JsonObject waitingRoom(Collection<RoomSocket> waiting) {
    JsonArray list = new JsonArray();
    for (RoomSocket s : waiting) {
      list.add(new JsonObject().put("userId", s.principal.userId()).put("displayName",
          s.principal.displayName() == null ? s.principal.username() : s.principal.displayName())
          .put("role", s.principal.role().wire()).put("hospitalId", s.principal.hospitalId()));
    }
    return of("waiting-room").put("waiting", list);
  }
}
