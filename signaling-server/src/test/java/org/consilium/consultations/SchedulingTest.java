package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.consilium.consultations.Clinic.plan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions: conflicts named, clinic time vs UTC, across midnight, reschedule and cancel notify, the roster. */
class SchedulingTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  @Test
  @DisplayName("a tumour board: several requests in one session, stored in UTC, shown in Asia/Ho_Chi_Minh; the roster lists everyone")
  void tumourBoard() {
    JsonObject a = clinic.accepted("routine");
    JsonObject b = clinic.accepted("urgent");
    ZonedDateTime start = Clinic.nextMonday(14, 0);
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, plan(new JsonArray().add(a.getString("id")).add(b.getString("id")),
        start, Duration.ofMinutes(90), clinic.specialist.userId(), clinic.specialist2.userId())), 201);
    assertEquals(start.toInstant().toString(), s.getString("start"));
    assertTrue(s.getString("start").endsWith("Z") && s.getString("localStart").endsWith("+07:00"), s::encode);
    assertEquals(90, s.getLong("durationMinutes"));

    Optional<SessionRoster> roster = TestServer.await(clinic.server.verticle().application().sessions().roster(s.getString("id")));
    assertTrue(roster.isPresent());
    assertEquals(clinic.specialist.userId(), roster.get().moderatorUserId());
    assertEquals(List.of(clinic.specialist.userId(), clinic.specialist2.userId(), clinic.doctor.userId()), roster.get().participantUserIds());
    assertEquals(List.of(clinic.patient.getString("id")), roster.get().patientIds());
    assertEquals("scheduled", roster.get().status());
    assertEquals(start.toInstant().plus(Duration.ofMinutes(90)), roster.get().end());
    assertTrue(TestServer.await(clinic.server.verticle().application().sessions().roster("no-such-session")).isEmpty());

    JsonObject week = expect(clinic.specialist2.api().get(SessionRoutes.BASE + "?from=" + enc(start.minusDays(1)) + "&to=" + enc(start.plusDays(1))), 200);
    assertTrue(week.getJsonArray("items").stream().anyMatch(i -> ((JsonObject) i).getString("id").equals(s.getString("id"))));
    Problems.assertProblem(clinic.strangerDoctor.api().get(SessionRoutes.BASE + "/" + s.getString("id")), ErrorCode.SESSION_NOT_FOUND);
    // A stranger learns nothing from a change either, not even that the body was wrong: 404 before validation.
    String path = SessionRoutes.BASE + "/" + s.getString("id");
    org.consilium.testdata.Staff otherAdmin = org.consilium.testdata.Staff.in(clinic.server, clinic.otherCentralId, org.consilium.access.Role.ADMINISTRATOR);
    Problems.assertProblem(otherAdmin.api().put(path, new JsonObject().put("durationMinutes", -5)), ErrorCode.SESSION_NOT_FOUND);
    Problems.assertProblem(otherAdmin.api().post(path + "/cancel", new JsonObject()), ErrorCode.SESSION_NOT_FOUND);
    Problems.assertProblem(clinic.strangerDoctor.api().post(path + "/open", new JsonObject().put("version", "x")), ErrorCode.SESSION_NOT_FOUND);
    Problems.assertProblem(clinic.strangerDoctor.api().post(path + "/conclude", new JsonObject()), ErrorCode.SESSION_NOT_FOUND);
    JsonObject participating = expect(clinic.specialist2.api().get(RequestRoutes.BASE + "?view=participating"), 200);
    assertEquals(2, participating.getJsonArray("items").stream().filter(i -> List.of(a.getString("id"), b.getString("id"))
        .contains(((JsonObject) i).getString("id"))).count());
  }

  @Test
  @DisplayName("conflicts are 409 and name the clash: double-booked, outside availability, on leave")
  void conflicts() {
    Staff busy = Staff.in(clinic.server, clinic.centralId, Role.SPECIALIST);
    ZonedDateTime monday = Clinic.nextMonday(8, 0);
    expect(busy.api().header("If-Match", "\"0\"").put(AvailabilityRoutes.BASE + "/me", new JsonObject()
        .put("weekly", new JsonArray().add(slot("monday", "08:00", "12:00")))
        .put("leave", new JsonArray().add(new JsonObject().put("from", monday.plusDays(1).toLocalDate().toString())
            .put("to", monday.plusDays(3).toLocalDate().toString()).put("note", "Hội nghị")))), 200);
    JsonObject first = clinic.accepted("routine");
    expect(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(first), monday.withHour(9), Duration.ofMinutes(60),
        clinic.specialist.userId(), busy.userId())), 201);

    JsonObject second = clinic.accepted("routine");
    JsonObject body = Problems.assertProblem(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(second), monday.withHour(9).withMinute(30),
        Duration.ofMinutes(60), clinic.specialist2.userId(), busy.userId())), ErrorCode.SCHEDULE_CONFLICT);
    assertTrue(body.getString("detail").contains("is already booked " + monday.toLocalDate() + " 09:00–" + monday.toLocalDate() + " 10:00"), body::encode);
    assertTrue(body.getString("detail").contains(busyName(busy)), body::encode);

    body = Problems.assertProblem(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(second), monday.withHour(13),
        Duration.ofMinutes(30), clinic.specialist2.userId(), busy.userId())), ErrorCode.SCHEDULE_CONFLICT);
    assertTrue(body.getString("detail").contains("is not available") && body.getString("detail").contains("MON 08:00-12:00"), body::encode);

    body = Problems.assertProblem(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(second), monday.plusDays(2).withHour(9),
        Duration.ofMinutes(30), clinic.specialist2.userId(), busy.userId())), ErrorCode.SCHEDULE_CONFLICT);
    assertTrue(body.getString("detail").contains("is on leave from " + monday.plusDays(1).toLocalDate()), body::encode);

    assertEquals("accepted", expect(clinic.doctor.api().get(RequestRoutes.BASE + "/" + second.getString("id")), 200).getString("status"),
        "a refused schedule leaves the request as it was");
    Problems.assertFieldError(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(second), monday.withHour(10).withMinute(30),
        Duration.ofMinutes(30), "nobody")), "/moderatorId");
    JsonObject other = Problems.assertProblem(clinic.admin.api().post(SessionRoutes.BASE, plan(new JsonArray().add(clinic.draft("routine").getString("id")),
        monday.withHour(10), Duration.ofMinutes(30), clinic.specialist2.userId())), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertTrue(other.getString("detail").contains("not a request to your hospital"), other::encode);
  }

  @Test
  @DisplayName("a session across local midnight fits slots that run to 24:00 and on from 00:00; a gap at midnight refuses it")
  void acrossMidnight() {
    Staff night = Staff.in(clinic.server, clinic.centralId, Role.SPECIALIST);
    ZonedDateTime late = Clinic.nextMonday(23, 30);
    ApiClient.Response put = night.api().header("If-Match", "\"0\"").put(AvailabilityRoutes.BASE + "/me", new JsonObject()
        .put("weekly", new JsonArray().add(slot("monday", "20:00", "24:00")).add(slot("tuesday", "00:00", "02:00"))));
    JsonObject availability = expect(put, 200);
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(clinic.accepted("urgent")),
        late, Duration.ofMinutes(60), night.userId())), 201);
    assertEquals(late.toInstant().toString(), s.getString("start"));
    assertEquals(late.plusHours(1).toOffsetDateTime().toString(), OffsetDateTime.parse(s.getString("localEnd")).toString());
    assertEquals(late.plusDays(1).toLocalDate(), OffsetDateTime.parse(s.getString("localEnd")).toLocalDate(), "ends the next local day");
    assertEquals("16:30", s.getString("start").substring(11, 16), "23:30 in Hà Nội is 16:30 UTC");

    expect(night.api().header("If-Match", "\"" + availability.getLong("version") + "\"").put(AvailabilityRoutes.BASE + "/me", new JsonObject()
        .put("weekly", new JsonArray().add(slot("monday", "20:00", "23:59")).add(slot("tuesday", "00:00", "02:00")))), 200);
    JsonObject body = Problems.assertProblem(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(clinic.accepted("urgent")),
        late.plusWeeks(1), Duration.ofMinutes(60), night.userId())), ErrorCode.SCHEDULE_CONFLICT);
    assertTrue(body.getString("detail").contains("not available"), body::encode);
  }

  @Test
  @DisplayName("reschedule and cancel notify everyone involved; cancel sends the requests back to accepted")
  void rescheduleAndCancel() {
    JsonObject r = clinic.accepted("routine");
    ZonedDateTime start = Clinic.nextMonday(10, 0).plusDays(3);
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, plan(ids(r), start, Duration.ofMinutes(30), clinic.specialist2.userId())), 201);
    String path = SessionRoutes.BASE + "/" + s.getString("id");
    JsonObject moved = expect(clinic.admin.api().header("If-Match", "\"" + s.getLong("version") + "\"").put(path,
        plan(null, start.plusHours(2), Duration.ofMinutes(45), clinic.specialist2.userId(), clinic.specialist.userId())), 200);
    assertEquals(start.plusHours(2).toInstant().toString(), moved.getString("start"));
    Problems.assertProblem(clinic.admin.api().header("If-Match", "\"" + s.getLong("version") + "\"").put(path,
        plan(null, start.plusHours(3), Duration.ofMinutes(45), clinic.specialist2.userId())), ErrorCode.PRECONDITION_FAILED);
    for (Staff who : List.of(clinic.doctor, clinic.specialist, clinic.specialist2)) {
      assertTrue(kinds(who, s.getString("id")).contains("session-rescheduled"), who.userId());
    }
    Problems.assertFieldError(clinic.admin.api().post(path + "/cancel", new JsonObject().put("version", moved.getLong("version"))), "/reason");
    JsonObject cancelled = expect(clinic.admin.api().post(path + "/cancel", new JsonObject().put("version", moved.getLong("version"))
        .put("reason", "Chuyên gia đi công tác")), 200);
    assertEquals("cancelled", cancelled.getString("status"));
    for (Staff who : List.of(clinic.doctor, clinic.specialist, clinic.specialist2)) {
      assertTrue(kinds(who, s.getString("id")).contains("session-cancelled"), who.userId());
    }
    JsonObject back = expect(clinic.doctor.api().get(RequestRoutes.BASE + "/" + r.getString("id")), 200);
    assertEquals("accepted", back.getString("status"));
    assertEquals(null, back.getString("sessionId"));
    Problems.assertProblem(clinic.admin.api().post(path + "/cancel", new JsonObject().put("version", cancelled.getLong("version"))
        .put("reason", "again")), ErrorCode.TRANSITION_NOT_ALLOWED);
  }

  @Test
  @DisplayName("an emergency notifies the on-call specialist at once; accepting opens the room and records the time to it")
  void emergency() {
    Staff onCall = Staff.in(clinic.server, clinic.otherCentralId, Role.SPECIALIST);
    Staff offDuty = Staff.in(clinic.server, clinic.otherCentralId, Role.SPECIALIST);
    expect(onCall.api().header("If-Match", "\"0\"").put(AvailabilityRoutes.BASE + "/me", new JsonObject().put("onCall", true)), 200);
    JsonObject draft = expect(clinic.doctor.api().post(RequestRoutes.BASE, clinic.requestBody("emergency")
        .put("targetHospitalId", clinic.otherCentralId)), 201);
    JsonObject submitted = clinic.move(clinic.doctor.api(), draft, "submitted", null);
    // Alerts go out after the answer: wait for the on-call one, then the off-duty colleague must have none.
    awaitKind(onCall, "request-submitted");
    assertTrue(!kinds(offDuty, null).contains("request-submitted"), "only the on-call specialist is called");

    JsonObject accepted = clinic.move(onCall.api(), submitted, "accepted", null);
    assertEquals("in_session", accepted.getString("status"));
    String sessionId = accepted.getString("immediateSessionId");
    assertTrue(accepted.getLong("requestToRoomMillis") >= 0, accepted::encode);
    Problems.assertProblem(clinic.transition(offDuty.api(), submitted, "accepted", null), ErrorCode.ALREADY_TAKEN);
    SessionRoster roster = TestServer.await(clinic.server.verticle().application().sessions().roster(sessionId)).orElseThrow();
    assertEquals("open", roster.status());
    assertEquals(onCall.userId(), roster.moderatorUserId());
    assertTrue(roster.participantUserIds().contains(clinic.doctor.userId()));
    assertTrue(!roster.start().isAfter(Instant.now()));
  }

  private static void awaitKind(Staff who, String kind) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!kinds(who, null).contains(kind)) {
      if (System.nanoTime() > deadline) throw new AssertionError("no " + kind + " notification for " + who.userId());
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static List<String> kinds(Staff who, String sessionId) {
    return expect(who.api().get(NotificationRoutes.BASE), 200).getJsonArray("items").stream().map(i -> (JsonObject) i)
        .filter(i -> sessionId == null || sessionId.equals(i.getString("sessionId"))).map(i -> i.getString("kind")).toList();
  }

  private static String busyName(Staff s) {
    return expect(clinic.server.admin().get("/api/users/" + s.userId()), 200).getString("displayName");
  }

  private static JsonArray ids(JsonObject request) {
    return new JsonArray().add(request.getString("id"));
  }

  private static JsonObject slot(String day, String from, String to) {
    return new JsonObject().put("day", day).put("from", from).put("to", to);
  }

  private static String enc(ZonedDateTime t) {
    return java.net.URLEncoder.encode(t.toOffsetDateTime().toString(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
