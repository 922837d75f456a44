package org.consilium.consultations;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a specialist can sit on a consultation, in clinic time (Asia/Ho_Chi_Minh): weekly recurring slots,
 * days of leave, and whether they are on call for emergencies. A specialist who never published any slot is
 * not limited by slots (only by leave and bookings).
 */
record Availability(String userId, String hospitalId, List<Slot> weekly, List<Leave> leave, boolean onCall, long version,
                    Instant updatedAt) {

  /** Minutes of the local day, {@code to} up to 1440 (24:00) so a slot can run to midnight. */
  record Slot(DayOfWeek day, int from, int to) {
    JsonObject toJson() {
      return new JsonObject().put("day", day.name().toLowerCase()).put("from", clock(from)).put("to", clock(to));
    }
  }

  /** Whole local days, both ends included. */
  record Leave(LocalDate from, LocalDate to, String note) {
    JsonObject toJson() {
      return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("note", note);
    }
  }

  static Availability none(String userId, String hospitalId) {
    return new Availability(userId, hospitalId, List.of(), List.of(), false, 0, Instant.EPOCH);
  }

  /** The leave that [start, end) falls into, if any. */
  java.util.Optional<Leave> leaveDuring(Instant start, Instant end) {
    LocalDate first = start.atZone(Session.CLINIC_ZONE).toLocalDate();
    LocalDate last = end.minusMillis(1).atZone(Session.CLINIC_ZONE).toLocalDate();
    return leave.stream().filter(l -> !l.to().isBefore(first) && !l.from().isAfter(last)).findFirst();
  }

  /** True when slots were published and [start, end) is not inside them (split at each local midnight). */
  boolean outside(Instant start, Instant end) {
    if (weekly.isEmpty()) return false;
    LocalDateTime a = LocalDateTime.ofInstant(start, Session.CLINIC_ZONE);
    LocalDateTime b = LocalDateTime.ofInstant(end, Session.CLINIC_ZONE);
    while (a.isBefore(b)) {
      LocalDateTime midnight = a.toLocalDate().plusDays(1).atStartOfDay();
      LocalDateTime pieceEnd = b.isBefore(midnight) ? b : midnight;
      int from = a.getHour() * 60 + a.getMinute();
      int to = pieceEnd.equals(midnight) ? 1440 : pieceEnd.getHour() * 60 + pieceEnd.getMinute() + (pieceEnd.getSecond() > 0 ? 1 : 0);
      DayOfWeek day = a.getDayOfWeek();
      if (weekly.stream().noneMatch(s -> s.day() == day && s.from() <= from && s.to() >= to)) return true;
      a = pieceEnd;
    }
    return false;
  }

  JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("hospitalId", hospitalId).put("timeZone", Session.CLINIC_ZONE.getId())
        .put("weekly", new JsonArray(weekly.stream().map(Slot::toJson).toList()))
        .put("leave", new JsonArray(leave.stream().map(Leave::toJson).toList())).put("onCall", onCall).put("version", version);
  }

  static String clock(int minutes) {
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }

  /** "08:30" to 510; "24:00" to 1440; -1 when malformed. */
  static int minutes(String clock) {
    if (clock == null || !clock.matches("\\d{2}:\\d{2}")) return -1;
    int h = Integer.parseInt(clock.substring(0, 2));
    int m = Integer.parseInt(clock.substring(3));
    if (m > 59 || h > 24 || h == 24 && m > 0) return -1;
    return h * 60 + m;
  }

  static List<Slot> sorted(List<Slot> slots) {
    List<Slot> out = new ArrayList<>(slots);
    out.sort(java.util.Comparator.comparing(Slot::day).thenComparing(Slot::from));
    return out;
  }
}
