package org.consilium.rooms;

import io.vertx.core.Future;
import java.util.Optional;

/** Where rooms learn who belongs in a session; empty when no such session exists. */
@FunctionalInterface
public interface RoomRoster {

  Future<Optional<RoomMembers>> members(String sessionId);
}
