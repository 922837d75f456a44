package org.consilium.imaging;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditOutcome;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The C-STORE/C-ECHO listener, driven by dcmtk's echoscu and storescu as a modality would. */
class DicomListenerTest {

  private static TestServer server;
  private static ApiClient doctor;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = TestServer.create().with("DICOM_SCP_ENABLED", "true").with("DICOM_SCP_PORT", Integer.toString(port))
        .with("DICOM_AE_TITLE", "CONSILIUM_T").start();
    doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * storescu on one association for all files, going on after a refused one (-nh); returns the DIMSE status of
   * each C-STORE response, in order, and the Error Comments, from its debug output.
   */
  private static Responses storescu(Path... files) {
    List<String> cmd = new java.util.ArrayList<>(List.of("storescu", "-d", "-nh", "-aet", "MODALITY1", "-aec", "CONSILIUM_T", "127.0.0.1",
        Integer.toString(port)));
    for (Path f : files) cmd.add(f.toString());
    String out = DicomSamples.runToEnd(cmd).output();
    List<String> statuses = java.util.regex.Pattern.compile("DIMSE Status\\s*: (0x\\p{XDigit}{4})").matcher(out).results()
        .map(m -> m.group(1).toLowerCase()).toList();
    List<String> comments = java.util.regex.Pattern.compile("\\(0000,0902\\) LO \\[([^\\]]*)\\]").matcher(out).results()
        .map(m -> m.group(1)).toList();
    assertEquals(files.length, statuses.size(), out);
    return new Responses(statuses, comments);
  }

  private record Responses(List<String> statuses, List<String> errorComments) {
  }

  private static JsonArray studies(String patientId) {
    ApiClient.BinaryResponse r = doctor.sendBytes("GET", "/api/patients/" + patientId + "/dicomweb/studies", null, null, null);
    assertEquals(200, r.status(), r::toString);
    return r.array();
  }

  @Test
  @DisplayName("echoscu gets an answer under the configured AE title")
  void echo() {
    String out = DicomSamples.run(List.of("echoscu", "-v", "-aet", "MODALITY1", "-aec", "CONSILIUM_T", "127.0.0.1", Integer.toString(port)));
    assertTrue(out.contains("Received Echo Response (Success)"), out);
  }

  @Test
  @DisplayName("storescu's objects are attached by citizen ID to the patient, under the matching rule; others are refused in the C-STORE status, with the reason, and audited")
  void store() {
    JsonObject p = aPatient().named("Lê Thị Hoa").born(1985, 3, 2).sex("female").create(doctor);
    String cccd = p.getString("citizenId");
    Path ct = DicomSamples.forPatient("CT_small.dcm", cccd, "LE^THI HOA", "19850302", "F");
    Path mr = DicomSamples.forPatient("MR_small.dcm", cccd, "LE^THI HOA", "19850302", "F");
    Path wrongName = DicomSamples.forPatient("MR_small.dcm", cccd, "PHAM^VAN TUAN", "19850302", "F");
    Path nobody = DicomSamples.forPatient("CT_small.dcm", "NO-SUCH-PATIENT", "LE^THI HOA", "19850302", "F");
    Path noStudy = DicomSamples.without(DicomSamples.forPatient("CT_small.dcm", cccd, "LE^THI HOA", "19850302", "F"), "(0020,000D)");
    Responses sent = storescu(ct, wrongName, nobody, noStudy, mr);
    assertEquals(List.of("0x0000", "0xc001", "0xc001", "0xc000", "0x0000"), sent.statuses(), "the association goes on after a refusal");
    assertEquals(List.of("Patient's Name (0010,0010) differs from this patient's name",
        "Patient ID (0010,0020) names no Consilium patient", "Study Instance UID (0020,000D) is missing"), sent.errorComments());
    JsonArray studies = studies(p.getString("id"));
    assertEquals(2, studies.size(), studies::encode);
    List<String> failures = server.audit().events(AuditAction.CREATE).stream()
        .filter(e -> "dicom:MODALITY1".equals(e.actorName()) && e.outcome() == AuditOutcome.FAILED).map(e -> e.detail()).toList();
    assertTrue(failures.stream().anyMatch(d -> d.contains("Patient's Name")), failures::toString);
    assertTrue(failures.stream().anyMatch(d -> d.contains("names no Consilium patient")), failures::toString);
    assertEquals(List.of("0x0000"), storescu(ct).statuses(), "the same object again is a success");
    assertEquals(2, studies(p.getString("id")).size(), "sending again stores nothing new");
  }

  @Test
  @DisplayName("with DICOM_SCP_HOSPITAL_ID set, a medical record number of that hospital finds the patient")
  void recordNumber() {
    String mrn = "MR-" + System.nanoTime() % 100_000;
    JsonObject p = aPatient().named("Đỗ Văn Nam").born(1990, 1, 9).sex("male").with("medicalRecordNumber", mrn).create(doctor);
    server.with("DICOM_SCP_HOSPITAL_ID", server.testHospitalId()).restart();
    doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
    storescu(DicomSamples.forPatient("CT_small.dcm", mrn, "DO^VAN NAM", "19900109", "M"));
    assertEquals(1, studies(p.getString("id")).size());
  }
}
