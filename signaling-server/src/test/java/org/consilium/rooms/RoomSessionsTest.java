package org.consilium.rooms;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.json.JsonObject;
import org.consilium.access.Role;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Consultation;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rooms of real consultation sessions, made through the consultations API: the production roster, end to end. */
class RoomSessionsTest {

  @Test
  @DisplayName("an emergency session's specialist and requesting doctor meet in its room; a stranger is refused; concluding closes the room")
  void emergencySessionRoom() {
    try (TestServer server = TestServer.create().start()) {
      String central = Staff.newHospital(server, "Bệnh viện Bạch Mai");
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      Staff specialist = Staff.in(server, central, Role.SPECIALIST);
      Staff stranger = Staff.in(server, central, Role.SPECIALIST);
      String patient = aPatient().named("Lò Văn Páo").born(1961, 4, 2).sex("male").create(doctor.api()).getString("id");
      String session = Consultation.emergencySession(doctor.api(), specialist.api(), patient, central);
      assertNotNull(session);

      try (RoomClient mod = RoomClient.enter(server, specialist.api(), session, false);
           RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
        JsonObject welcome = mod.join().next("welcome");
        assertEquals(specialist.userId(), welcome.getString("moderatorUserId"), "the accepting specialist moderates");
        doc.join().next("welcome");
        doc.send(new JsonObject().put("type", "offer").put("to", specialist.userId()).put("sdp", RoomSignalingTest.SDP));
        assertEquals(doctor.userId(), mod.next("offer").getString("from"));
        Problems.assertProblem(RoomClient.ticket(stranger.api(), session, false), ErrorCode.ROOM_NOT_PARTICIPANT);
        assertEquals(patient, server.audit().events(org.consilium.audit.AuditAction.ROOM_JOIN).get(0).patientId(),
            "joins are audited against the session's patient");

        ApiClient.Response read = specialist.api().get("/api/consultation-sessions/" + session);
        ApiClient.Response concluded = specialist.api().header("If-Match", read.header("ETag"))
            .post("/api/consultation-sessions/" + session + "/conclude", null);
        assertEquals(200, concluded.status(), concluded::toString);
        assertEquals("session-concluded", doc.next("ended").getString("reason"));
        doc.awaitClose();
      }
      Problems.assertProblem(RoomClient.ticket(doctor.api(), session, false), ErrorCode.ROOM_CLOSED);
    }
  }
}
