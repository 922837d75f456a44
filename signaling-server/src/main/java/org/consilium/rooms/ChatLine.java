package org.consilium.rooms;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One chat message of a session, kept with the consultation; {@code seq} orders a room's messages. */
record ChatLine(String id, String sessionId, long seq, String userId, String displayName, String text, Instant at) {

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("seq", seq).put("userId", userId).put("displayName", displayName)
        .put("text", text).put("at", at.toString());
  }
}
