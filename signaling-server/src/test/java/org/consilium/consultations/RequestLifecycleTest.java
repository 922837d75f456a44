package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every legal transition of a request, the illegal ones (409 naming the allowed), stamps, audit and access. */
class RequestLifecycleTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  @Test
  @DisplayName("draft, submitted, accepted, scheduled, in session, concluded: each step stamped with who and when")
  void wholePath() {
    JsonObject draft = clinic.draft("routine");
    assertEquals("draft", draft.getString("status"));
    assertEquals(List.of("submitted", "cancelled"), draft.getJsonArray("allowedTransitions").getList());
    JsonObject submitted = clinic.move(clinic.doctor.api(), draft, "submitted", null);
    JsonObject accepted = clinic.move(clinic.specialist.api(), submitted, "accepted", null);
    assertEquals(clinic.specialist.userId(), accepted.getString("acceptedBy"));
    assertEquals(clinic.centralId, accepted.getString("answeringHospitalId"));

    JsonObject session = expect(clinic.admin.api().post(SessionRoutes.BASE, Clinic.plan(new JsonArray().add(accepted.getString("id")),
        Clinic.nextMonday(9, 0), Duration.ofMinutes(45), clinic.specialist.userId(), clinic.specialist2.userId())), 201);
    JsonObject scheduled = read(clinic.doctor.api(), accepted);
    assertEquals("scheduled", scheduled.getString("status"));
    assertEquals(session.getString("id"), scheduled.getString("sessionId"));

    String base = SessionRoutes.BASE + "/" + session.getString("id");
    JsonObject open = expect(clinic.specialist.api().post(base + "/open", new JsonObject().put("version", session.getLong("version"))), 200);
    assertEquals("open", open.getString("status"));
    assertEquals("in_session", read(clinic.doctor.api(), accepted).getString("status"));
    Problems.assertProblem(clinic.specialist2.api().post(base + "/conclude", new JsonObject().put("version", open.getLong("version"))),
        ErrorCode.FORBIDDEN);
    expect(clinic.specialist.api().post(base + "/conclude", new JsonObject().put("version", open.getLong("version"))), 200);
    JsonObject concluded = read(clinic.doctor.api(), accepted);
    assertEquals("concluded", concluded.getString("status"));

    List<String> path = concluded.getJsonArray("history").stream().map(t -> ((JsonObject) t).getString("to")).toList();
    assertEquals(List.of("draft", "submitted", "accepted", "scheduled", "in_session", "concluded"), path);
    for (Object t : concluded.getJsonArray("history")) {
      assertNotNull(((JsonObject) t).getString("by"));
      assertNotNull(((JsonObject) t).getString("at"));
    }
    assertEquals(clinic.admin.userId(), ((JsonObject) concluded.getJsonArray("history").getValue(3)).getString("by"));
    long updates = clinic.server.audit().events().stream().filter(e -> accepted.getString("id").equals(e.resourceId())
        && e.action().name().equals("UPDATE")).count();
    assertTrue(updates >= 5, "every transition is audited: " + updates);
  }

  @Test
  @DisplayName("an illegal transition is 409 and names the transitions allowed from the current state")
  void illegal() {
    JsonObject draft = clinic.draft("urgent");
    JsonObject body = Problems.assertProblem(clinic.transition(clinic.specialist.api(), draft, "accepted", null), ErrorCode.CONSULTATION_NOT_FOUND);
    assertFalse(body.encode().contains("Khối u"), "a draft is not shown to the central hospital");
    body = Problems.assertProblem(clinic.transition(clinic.doctor.api(), draft, "accepted", null), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertTrue(body.getString("detail").contains("from draft: submitted, cancelled"), body::encode);

    JsonObject submitted = clinic.move(clinic.doctor.api(), draft, "submitted", null);
    body = Problems.assertProblem(clinic.transition(clinic.doctor.api(), submitted, "submitted", null), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertTrue(body.getString("detail").contains("accepted, declined, cancelled"), body::encode);
    Problems.assertProblem(clinic.transition(clinic.doctor.api(), submitted, "accepted", null), ErrorCode.FORBIDDEN);
    Problems.assertFieldError(clinic.transition(clinic.specialist.api(), submitted, "declined", null), "/reason");

    JsonObject declined = clinic.move(clinic.specialist.api(), submitted, "declined", "Ngoài chuyên môn của khoa");
    assertEquals("Ngoài chuyên môn của khoa", ((JsonObject) declined.getJsonArray("history").getValue(2)).getString("note"));
    body = Problems.assertProblem(clinic.transition(clinic.doctor.api(), declined, "cancelled", "đổi ý"), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertTrue(body.getString("detail").contains("none (final)"), body::encode);
  }

  @Test
  @DisplayName("cancel from each open state needs a reason; a stale version is 412; session steps cannot be forced")
  void cancelAndVersions() {
    for (String state : List.of("draft", "submitted", "accepted")) {
      JsonObject r = clinic.draft("routine");
      if (!state.equals("draft")) r = clinic.move(clinic.doctor.api(), r, "submitted", null);
      if (state.equals("accepted")) r = clinic.move(clinic.specialist.api(), r, "accepted", null);
      Problems.assertFieldError(clinic.transition(clinic.doctor.api(), r, "cancelled", null), "/reason");
      assertEquals("cancelled", clinic.move(clinic.doctor.api(), r, "cancelled", "Bệnh nhân chuyển viện").getString("status"));
    }
    JsonObject draft = clinic.draft("routine");
    clinic.move(clinic.doctor.api(), draft, "submitted", null);
    Problems.assertProblem(clinic.transition(clinic.doctor.api(), draft, "cancelled", "muộn"), ErrorCode.PRECONDITION_FAILED);
    Problems.assertProblem(clinic.transition(clinic.doctor.api(), draft, "scheduled", null), ErrorCode.TRANSITION_NOT_ALLOWED);
    JsonObject accepted = clinic.accepted("routine");
    JsonObject body = Problems.assertProblem(clinic.transition(clinic.admin.api(), accepted, "scheduled", null), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertTrue(body.getString("detail").contains("follows from the session"), body::encode);
    Problems.assertFieldError(clinic.transition(clinic.doctor.api(), draft, "soon", null), "/to");
    Problems.assertFieldError(clinic.doctor.api().post(RequestRoutes.BASE + "/" + draft.getString("id") + "/transitions",
        new JsonObject().put("to", "submitted").put("version", 1).put("extra", 1)), "/extra");
  }

  @Test
  @DisplayName("submission needs the clinical text; a draft is edited with its version")
  void validation() {
    Problems.assertFieldError(clinic.doctor.api().post(RequestRoutes.BASE, new JsonObject().put("patientId", clinic.patient.getString("id"))
        .put("urgency", "soon").put("specialty", "")), "/urgency");
    JsonObject empty = expect(clinic.doctor.api().post(RequestRoutes.BASE, new JsonObject().put("patientId", clinic.patient.getString("id"))
        .put("urgency", "routine").put("specialty", "Tim mạch")), 201);
    assertNull(empty.getString("targetHospitalId"), "no target: any central hospital");
    JsonObject body = Problems.assertProblem(clinic.transition(clinic.doctor.api(), empty, "submitted", null), ErrorCode.VALIDATION_FAILED);
    assertEquals(3, body.getJsonArray("errors").size(), body::encode);
    JsonObject edited = expect(clinic.doctor.api().header("If-Match", "\"1\"").put(RequestRoutes.BASE + "/" + empty.getString("id"),
        new JsonObject().put("urgency", "urgent").put("specialty", "Tim mạch").put("reason", "Đau ngực")
            .put("clinicalSummary", "ECG ST chênh lên").put("question", "Chụp mạch vành?").put("targetHospitalId", clinic.centralId)), 200);
    assertEquals(2, edited.getLong("version"));
    assertEquals("submitted", clinic.move(clinic.doctor.api(), edited, "submitted", null).getString("status"));
    Problems.assertProblem(clinic.doctor.api().post(RequestRoutes.BASE, clinic.requestBody("routine").put("targetHospitalId", clinic.districtId)),
        ErrorCode.VALIDATION_FAILED);
  }

  @Test
  @DisplayName("a district doctor of another hospital cannot see the request; an administrator sees no clinical text")
  void access() {
    JsonObject submitted = clinic.move(clinic.doctor.api(), clinic.draft("routine"), "submitted", null);
    String path = RequestRoutes.BASE + "/" + submitted.getString("id");
    for (ApiClient stranger : List.of(clinic.strangerDoctor.api(), clinic.outsideSpecialist.api())) {
      ApiClient.Response resp = stranger.get(path);
      Problems.assertProblem(resp, ErrorCode.CONSULTATION_NOT_FOUND);
      assertFalse(resp.body().contains("Khối u") || resp.body().contains(clinic.patient.getString("id")), resp::body);
      ApiClient.Response list = stranger.get(RequestRoutes.BASE + "?view=incoming");
      assertFalse(list.body().contains(submitted.getString("id")), list::body);
    }
    JsonObject adminView = expect(clinic.admin.api().get(path), 200);
    assertNull(adminView.getString("clinicalSummary"));
    assertEquals("Ung bướu", adminView.getString("specialty"));
    JsonObject incoming = expect(clinic.specialist2.api().get(RequestRoutes.BASE + "?view=incoming&status=submitted"), 200);
    assertTrue(incoming.getJsonArray("items").stream().anyMatch(i -> ((JsonObject) i).getString("id").equals(submitted.getString("id"))));
    assertTrue(clinic.server.audit().events().stream().anyMatch(e -> e.outcome().name().equals("DENIED")
        && submitted.getString("id").equals(e.resourceId())), "refusals are audited");
  }

  @Test
  @DisplayName("opening a request gives the consulting specialist the care relationship to its patient")
  void careRelationship() {
    String patientPath = "/api/patients/" + clinic.patient.getString("id");
    org.consilium.access.Role role = org.consilium.access.Role.SPECIALIST;
    var fresh = org.consilium.testdata.Staff.in(clinic.server, clinic.centralId, role);
    Problems.assertProblem(fresh.api().get(patientPath), ErrorCode.PATIENT_NOT_FOUND);
    JsonObject submitted = clinic.move(clinic.doctor.api(), clinic.draft("routine"), "submitted", null);
    expect(fresh.api().get(RequestRoutes.BASE + "/" + submitted.getString("id")), 200);
    assertEquals("Lê Thị Hồng Nhung", expect(fresh.api().get(patientPath), 200).getString("fullName"));
  }

  @Test
  @DisplayName("first accept wins: the second specialist gets 409 naming that someone else took it")
  void firstAcceptWins() {
    JsonObject submitted = clinic.move(clinic.doctor.api(), clinic.draft("urgent"), "submitted", null);
    clinic.move(clinic.specialist.api(), submitted, "accepted", null);
    Problems.assertProblem(clinic.transition(clinic.specialist2.api(), submitted, "accepted", null), ErrorCode.ALREADY_TAKEN);
  }

  private static JsonObject read(ApiClient api, JsonObject request) {
    return expect(api.get(RequestRoutes.BASE + "/" + request.getString("id")), 200);
  }
}
