package org.consilium.consultations;

import java.time.Instant;
import java.util.List;

/**
 * Who takes part in a consultation session, for the rooms capability: the moderator, the invited specialists
 * and the requesting doctors; the patients discussed; when; and the session's status (scheduled, open,
 * concluded, cancelled).
 */
public record SessionRoster(String sessionId, String moderatorUserId, List<String> participantUserIds,
                            List<String> patientIds, Instant start, Instant end, String status) {

  public SessionRoster {
    participantUserIds = List.copyOf(participantUserIds);
    patientIds = List.copyOf(patientIds);
  }
}
