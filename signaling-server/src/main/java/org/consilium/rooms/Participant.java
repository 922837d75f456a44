package org.consilium.rooms;

import io.vertx.core.json.JsonObject;
import org.consilium.access.Principal;

/**
 * One person's place in a room. It outlives their connection: a participant whose network drops keeps
 * their place, hand and media state, and finds them again on rejoining.
 */
final class Participant {

  final String userId;
  final String displayName;
  final String role;
  /** Let in from the waiting room rather than invited to the session. */
  final boolean guest;
  RoomSocket connection;
  boolean hand;
  boolean audio;
  boolean video;
  boolean screen;

  Participant(Principal who, boolean guest) {
    this.userId = who.userId();
    this.displayName = who.displayName() == null ? who.username() : who.displayName();
    this.role = who.role().wire();
    this.guest = guest;
  }

  boolean connected() {
    return connection != null;
  }

  JsonObject toJson(String moderatorUserId) {
    return new JsonObject().put("userId", userId).put("displayName", displayName).put("role", role)
        .put("guest", guest).put("moderator", userId.equals(moderatorUserId)).put("connected", connected())
        .put("hand", hand).put("audio", audio).put("video", video).put("screen", screen);
  }
}
