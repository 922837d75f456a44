package org.consilium.consultations;

import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.consilium.http.JsonInput;

/**
 * What an administrator asks for when scheduling or rescheduling: when (an ISO-8601 instant with its
 * offset, e.g. 2026-12-10T23:30:00+07:00), for how long, who moderates, which specialists, where.
 */
record SessionPlan(List<String> requestIds, Instant start, Instant end, String moderatorId, List<String> specialistIds,
                   String place) {

  static final String[] FIELDS = {"requestIds", "start", "durationMinutes", "moderatorId", "specialistIds", "place", "version"};
  private static final int MAX_REQUESTS = 30;
  private static final int MAX_SPECIALISTS = 30;

  /** {@code withRequests} false for a reschedule: the requests of a session stay. */
  static SessionPlan read(JsonInput in, boolean withRequests) {
    List<String> requests = withRequests ? ids(in, "requestIds", MAX_REQUESTS, true) : List.of();
    String startText = in.text("start", 1, 40, true);
    Instant start = null;
    if (startText != null && !startText.isEmpty()) {
      try {
        start = OffsetDateTime.parse(startText).toInstant();
      } catch (DateTimeParseException e) {
        in.error("start", "must be a date and time with its offset, such as 2026-12-10T08:30:00+07:00");
      }
    }
    Long minutes = in.integer("durationMinutes", 5, 12 * 60, true);
    String moderator = in.text("moderatorId", 1, 64, true);
    List<String> specialists = ids(in, "specialistIds", MAX_SPECIALISTS, false);
    String place = in.text("place", 0, 200, false);
    in.throwIfInvalid();
    return new SessionPlan(requests, start, start.plus(Duration.ofMinutes(minutes)), moderator, specialists,
        place == null || place.isEmpty() ? null : place);
  }

  /** The moderator and the specialists, each once. */
  List<String> consultants() {
    LinkedHashSet<String> all = new LinkedHashSet<>();
    all.add(moderatorId);
    all.addAll(specialistIds);
    return List.copyOf(all);
  }

  private static List<String> ids(JsonInput in, String field, int max, boolean required) {
    JsonArray a = in.array(field, max, required);
    if (a == null) return List.of();
    if (required && a.isEmpty()) in.error(field, "must name at least one");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.getValue(i) instanceof String s && !s.isBlank() && s.length() <= 64) {
        if (!out.contains(s)) out.add(s);
      } else {
        in.error(field, "item " + i + " must be a user or request id");
      }
    }
    return out;
  }
}
