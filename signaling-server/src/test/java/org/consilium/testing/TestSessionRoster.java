package org.consilium.testing;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.consilium.rooms.RoomMembers;
import org.consilium.rooms.RoomRoster;

/**
 * TEST ONLY: consultation sessions declared by the test itself, for room tests on a branch where the
 * consultations capability (which owns sessions) is not merged yet. Registered with
 * {@link TestServer#withRoomRoster}; production reads rosters from the sessions capability.
 */
public final class TestSessionRoster implements RoomRoster {

  private final Map<String, RoomMembers> sessions = new ConcurrentHashMap<>();

  /** Declares a scheduled session and returns its id. */
  public String schedule(String moderatorUserId, List<String> participantUserIds, String patientId) {
    String id = UUID.randomUUID().toString();
    sessions.put(id, new RoomMembers(id, moderatorUserId, participantUserIds, patientId == null ? List.of() : List.of(patientId), "scheduled"));
    return id;
  }

  public void setStatus(String sessionId, String status) {
    RoomMembers m = sessions.get(sessionId);
    sessions.put(sessionId, new RoomMembers(sessionId, m.moderatorUserId(), m.participantUserIds(), m.patientIds(), status));
  }

  @Override
  public Future<Optional<RoomMembers>> members(String sessionId) {
    return Future.succeededFuture(Optional.ofNullable(sessions.get(sessionId)));
  }
}
