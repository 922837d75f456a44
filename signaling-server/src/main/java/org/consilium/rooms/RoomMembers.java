package org.consilium.rooms;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who belongs in the room of one consultation session, as the sessions capability knows it: the moderator,
 * the invited participants, the patients the session is about, and the session's status.
 */
public record RoomMembers(String sessionId, String moderatorUserId, List<String> participantUserIds,
                          List<String> patientIds, String status) {

  /** Statuses after which nobody may enter the room any more. */
  private static final Set<String> CLOSED = Set.of("cancelled", "canceled", "concluded", "completed", "ended", "closed");

  public RoomMembers {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(moderatorUserId, "moderatorUserId");
    participantUserIds = List.copyOf(participantUserIds);
    patientIds = List.copyOf(patientIds);
  }

  /** The moderator or one of the invited participants. */
  public boolean invited(String userId) {
    return moderatorUserId.equals(userId) || participantUserIds.contains(userId);
  }

  /** Invited people, the moderator counted once. */
  public int invitedCount() {
    return (int) java.util.stream.Stream.concat(java.util.stream.Stream.of(moderatorUserId), participantUserIds.stream())
        .distinct().count();
  }

  public boolean open() {
    return status == null || !CLOSED.contains(status.toLowerCase(java.util.Locale.ROOT));
  }

  /** The patient the audit records name: the session's only patient, or none when it is about several. */
  String auditedPatient() {
    return patientIds.size() == 1 ? patientIds.get(0) : null;
  }
}
