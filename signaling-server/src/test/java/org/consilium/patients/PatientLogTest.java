package org.consilium.patients;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.LogCapture;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Patient data never reaches the log, whatever the request does with it. */
class PatientLogTest {

  @Test
  @DisplayName("name, citizen ID, insurance number and birth date never appear in the JSON log")
  void noPatientDataInLogs() {
    String name = "Khổng Thị Quyênzy";
    String birthDate = "1937-04-29";
    String insurance = "GD4480987654321";
    try (TestServer server = TestServer.create().start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      Staff stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Nhi"), Role.SPECIALIST);
      String log;
      String citizenId;
      try (LogCapture capture = LogCapture.start()) {
        JsonObject p = aPatient().named(name).born(1937, 4, 29).sex("female").with("insuranceNumber", insurance)
            .with("phone", "0977111222").create(doctor.api());
        citizenId = p.getString("citizenId");
        String id = p.getString("id");
        doctor.api().get("/api/patients?name=" + URLEncoder.encode("khổng thị quyênzy", StandardCharsets.UTF_8));
        doctor.api().get("/api/patients?citizenId=" + citizenId + "&birthDate=" + birthDate);
        doctor.api().get("/api/patients?insuranceNumber=" + insurance);
        doctor.api().get("/api/patients/" + id);
        stranger.api().get("/api/patients/" + id);
        // Refusals too: a duplicate (the database's own message repeats the value) and invalid input.
        assertEquals(409, doctor.api().post("/api/patients", aPatient().named(name).born(1937, 4, 29).sex("female")
            .citizenId(citizenId).json()).status());
        assertEquals(422, doctor.api().post("/api/patients", aPatient().named(name + "1").born(1937, 4, 29)
            .citizenId(citizenId.substring(0, 11)).with("insuranceNumber", insurance + "9").json()).status());
        doctor.api().get("/api/patients?citizenId=" + citizenId + "x");
        log = capture.text();
      }
      assertTrue(log.contains("\"route\":\"/api/patients\"") && log.contains("\"route\":\"/api/patients/:patientId\""),
          "the capture saw the requests (no vacuous pass)");
      for (String secret : List.of(name, "Khổng", "khong", "quyenzy", citizenId, citizenId.substring(0, 11), insurance,
          birthDate, "0977111222")) {
        assertFalse(log.contains(secret), () -> "'" + secret + "' appears in the log:\n" + log);
      }
    }
  }
}
