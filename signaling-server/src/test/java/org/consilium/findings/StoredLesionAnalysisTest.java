package org.consilium.findings;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertFieldError;
import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditOutcome;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Consultation;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lesion analysis of stored endoscopy images over real HTTP: an endoscopist captures a frame (stored as a VL
 * Endoscopic Image), it is analysed on ingest (configured on here) and on demand, and only the consultation's
 * reviewers may review its flags.
 */
class StoredLesionAnalysisTest {

  private static final Path FRAMES = Path.of("..", "ai-inference", "src", "test", "resources", "frames");
  private static TestServer server;
  private static Staff endoscopist;
  private static Staff homeSpecialist;
  private static Staff doctor;
  private static Staff consultant;
  private static Staff otherConsultant;
  private static String patientId;
  private static JsonObject capture;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.create().with("AI_MODELS_DIR", Path.of("..", "models").toString()).with("AI_ANALYSE_ON_INGEST", "true").start();
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
    homeSpecialist = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    String central = Staff.newHospital(server, "Bệnh viện Bạch Mai");
    consultant = Staff.in(server, central, Role.SPECIALIST);
    otherConsultant = Staff.in(server, central, Role.SPECIALIST);
    patientId = aPatient().named("Phạm Văn Đại Tràng").born(1958, 3, 9).sex("male").create(doctor.api()).getString("id");
    String otherPatient = aPatient().named("Vũ Thị Dạ Dày").born(1970, 1, 20).sex("female").create(doctor.api()).getString("id");
    assertNotNull(Consultation.emergencySession(doctor.api(), consultant.api(), patientId, central));
    assertNotNull(Consultation.emergencySession(doctor.api(), otherConsultant.api(), otherPatient, central));
    ApiClient.BinaryResponse r = endoscopist.api().sendBytes("POST", "/api/patients/" + patientId + "/imaging/captures?description=N%E1%BB%99i%20soi",
        jpeg(frameWithLesion()), "image/jpeg", null);
    assertEquals(201, r.status(), r::toString);
    capture = r.json();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Path frameWithLesion() throws IOException {
    for (Object o : new JsonObject(Files.readString(FRAMES.resolve("expected.json"))).getJsonArray("frames")) {
      JsonObject f = (JsonObject) o;
      if (!f.getJsonArray("pythonFlags").isEmpty()) return FRAMES.resolve(f.getString("image"));
    }
    throw new IllegalStateException("no test frame with a lesion");
  }

  private static byte[] jpeg(Path png) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png))), "jpeg", out);
    return out.toByteArray();
  }

  private static ApiClient.Response analyseStored(ApiClient api, JsonObject body) {
    return api.post("/api/patients/" + patientId + "/lesion-analyses/stored", body);
  }

  private static JsonObject instanceRef() {
    return new JsonObject().put("studyUid", capture.getString("studyInstanceUid")).put("sopInstanceUid", capture.getString("sopInstanceUid"));
  }

  private static ApiClient.Response review(ApiClient api, JsonObject analysis, JsonObject body) {
    return api.post("/api/patients/" + patientId + "/lesion-analyses/" + analysis.getString("id") + "/flags/"
        + analysis.getJsonArray("flags").getJsonObject(0).getString("id") + "/review", body);
  }

  @Test
  void aStoredInstanceIsAnalysedOnDemandWithItsDicomReference() {
    ApiClient.Response resp = analyseStored(endoscopist.api(), instanceRef());
    assertEquals(201, resp.status(), resp::toString);
    JsonArray items = resp.json().getJsonArray("items");
    assertEquals(1, items.size());
    assertTrue(resp.json().getJsonArray("failed").isEmpty());
    JsonObject a = items.getJsonObject(0);
    assertFalse(a.getJsonArray("flags").isEmpty(), a::encodePrettily);
    JsonObject input = a.getJsonObject("input");
    assertEquals("stored", input.getString("source"));
    assertEquals("application/dicom", input.getString("contentType"));
    JsonObject dicom = input.getJsonObject("dicom");
    assertEquals(capture.getString("sopInstanceUid"), dicom.getString("sopInstanceUid"));
    assertEquals(capture.getString("seriesInstanceUid"), dicom.getString("seriesUid"));
    assertEquals(1, dicom.getInteger("frame"));
    assertEquals("lesion-unet", a.getJsonObject("model").getString("id"));
    assertNotNull(a.getJsonObject("model").getString("version"));
  }

  @Test
  void anEndoscopyCaptureIsAnalysedOnIngestInTheBackground() throws InterruptedException {
    JsonObject found = null;
    for (int i = 0; i < 200 && found == null; i++) {
      for (Object o : endoscopist.api().get("/api/patients/" + patientId + "/lesion-analyses").json().getJsonArray("items")) {
        JsonObject a = (JsonObject) o;
        if ("ingest".equals(a.getJsonObject("input").getString("source"))) found = a;
      }
      if (found == null) Thread.sleep(100);
    }
    assertNotNull(found, "the capture was analysed on ingest");
    assertEquals(capture.getString("sopInstanceUid"), found.getJsonObject("input").getJsonObject("dicom").getString("sopInstanceUid"));
    assertEquals(endoscopist.userId(), found.getString("createdBy"));
    assertFalse(found.getJsonArray("flags").isEmpty());
  }

  @Test
  void badReferencesAreClearErrors() {
    assertFieldError(analyseStored(endoscopist.api(), new JsonObject()), "/studyUid");
    assertFieldError(analyseStored(endoscopist.api(), new JsonObject().put("studyUid", "1.2").put("frames", new JsonArray().add(1))), "/frames");
    assertFieldError(analyseStored(endoscopist.api(), instanceRef().put("frames", new JsonArray().add(2))), "/frames");
    assertProblem(analyseStored(endoscopist.api(), new JsonObject().put("studyUid", "1.2.3.4")), ErrorCode.IMAGING_NOT_FOUND);
    assertProblem(analyseStored(doctor.api(), instanceRef()), ErrorCode.FORBIDDEN);
    assertProblem(analyseStored(otherConsultant.api(), instanceRef()), ErrorCode.PATIENT_NOT_FOUND);
  }

  @Test
  void onlyTheConsultationsReviewersReviewAndEachDecisionKeepsWhoAndWhen() {
    JsonObject a = analyseStored(endoscopist.api(), instanceRef()).json().getJsonArray("items").getJsonObject(0);
    JsonObject accept = new JsonObject().put("decision", "accept").put("label", "polyp").put("parisClass", "0-Is").put("sizeMm", 6).put("version", 1);
    assertProblem(review(homeSpecialist.api(), a, accept), ErrorCode.LESION_REVIEW_NOT_IN_CONSULTATION);
    assertProblem(review(doctor.api(), a, accept), ErrorCode.FORBIDDEN);
    assertProblem(review(otherConsultant.api(), a, accept), ErrorCode.PATIENT_NOT_FOUND);
    assertTrue(server.audit().events(AuditAction.REVIEW).stream().anyMatch(e -> e.outcome() == AuditOutcome.DENIED
        && homeSpecialist.userId().equals(e.actorUserId()) && "not in a consultation of the patient".equals(e.detail())));

    Instant before = Instant.now().minusSeconds(1);
    ApiClient.Response byConsultant = review(consultant.api(), a, accept);
    assertEquals(200, byConsultant.status(), byConsultant::toString);
    JsonObject decision = byConsultant.json().getJsonArray("flags").getJsonObject(0).getJsonArray("reviews").getJsonObject(0);
    assertEquals(consultant.userId(), decision.getString("by"));
    assertEquals("specialist", decision.getString("byRole"));
    assertTrue(Instant.parse(decision.getString("at")).isAfter(before));
    ApiClient.Response byEndoscopist = review(endoscopist.api(), byConsultant.json(), new JsonObject().put("decision", "reject")
        .put("reason", "artefact").put("version", 2));
    assertEquals(200, byEndoscopist.status(), byEndoscopist::toString);
    JsonObject flag = byEndoscopist.json().getJsonArray("flags").getJsonObject(0);
    assertEquals("rejected", flag.getString("status"));
    assertEquals(endoscopist.userId(), flag.getJsonArray("reviews").getJsonObject(1).getString("by"));
  }
}
