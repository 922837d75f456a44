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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
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
 * AI lesion flags over real HTTP with the committed model in DJL (offline), on the synthetic test frames of
 * ai-inference: analysis, storage, review with its who-and-when and audit, and who may do what.
 */
class LesionFlagsApiTest {

  private static final Path FRAMES = Path.of("..", "ai-inference", "src", "test", "resources", "frames");
  private static TestServer server;
  private static Staff endoscopist;
  private static Staff specialist;
  private static Staff districtDoctor;
  private static Staff strangerEndoscopist;
  private static String patientId;
  private static byte[] withLesions;
  private static byte[] withoutLesions;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.create().with("AI_MODELS_DIR", Path.of("..", "models").toString()).start();
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
    String central = Staff.newHospital(server, "Bệnh viện Bạch Mai");
    specialist = Staff.in(server, central, Role.SPECIALIST);
    districtDoctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    strangerEndoscopist = Staff.in(server, Staff.newHospital(server, "Bệnh viện K"), Role.ENDOSCOPIST);
    patientId = aPatient().named("Trần Văn Nội Soi").born(1961, 7, 2).sex("male").create(districtDoctor.api()).getString("id");
    // The specialist reviews as the moderator of a consultation about the patient.
    assertNotNull(Consultation.emergencySession(districtDoctor.api(), specialist.api(), patientId, central));
    JsonArray frames = new JsonObject(Files.readString(FRAMES.resolve("expected.json"))).getJsonArray("frames");
    for (Object o : frames) {
      JsonObject f = (JsonObject) o;
      byte[] png = Files.readAllBytes(FRAMES.resolve(f.getString("image")));
      if (withLesions == null && !f.getJsonArray("pythonFlags").isEmpty()) withLesions = png;
      if (withoutLesions == null && f.getJsonArray("lesions").isEmpty() && f.getJsonArray("pythonFlags").isEmpty()) withoutLesions = png;
    }
    assertNotNull(withLesions);
    assertNotNull(withoutLesions);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ApiClient.Response upload(ApiClient api, byte[] frame, String type) {
    return api.sendBytes("POST", "/api/patients/" + patientId + "/lesion-analyses?source=upload", frame, type);
  }

  private static JsonObject analysed(byte[] frame) {
    ApiClient.Response resp = upload(endoscopist.api(), frame, "image/png");
    assertEquals(201, resp.status(), resp::toString);
    return resp.json();
  }

  private static ApiClient.Response review(ApiClient api, JsonObject analysis, int flag, JsonObject body) {
    String flagId = analysis.getJsonArray("flags").getJsonObject(flag).getString("id");
    return api.post("/api/patients/" + patientId + "/lesion-analyses/" + analysis.getString("id") + "/flags/" + flagId + "/review", body);
  }

  @Test
  void aFrameWithALesionIsFlaggedStoredAndAuditedWithTheModelAndInputReference() {
    JsonObject a = analysed(withLesions);
    JsonArray flags = a.getJsonArray("flags");
    assertFalse(flags.isEmpty(), a::encodePrettily);
    JsonObject flag = flags.getJsonObject(0);
    assertEquals("pending", flag.getString("status"));
    assertTrue(flag.getDouble("score") >= 0.5);
    assertEquals("lesion-unet", a.getJsonObject("model").getString("id"));
    JsonObject input = a.getJsonObject("input");
    assertEquals(64, input.getString("sha256").length());
    assertEquals(withLesions.length, input.getLong("bytes"));
    assertEquals(288, input.getInteger("width"));
    JsonObject mask = a.getJsonObject("mask");
    long pixels = 0;
    JsonArray rle = mask.getJsonArray("rle");
    for (int i = 1; i < rle.size(); i += 2) pixels += rle.getLong(i);
    assertEquals((long) mask.getInteger("width") * mask.getInteger("height"), pixels);

    ApiClient.Response read = districtDoctor.api().get("/api/patients/" + patientId + "/lesion-analyses/" + a.getString("id"));
    assertEquals(200, read.status(), read::toString);
    assertEquals(a.getJsonArray("flags"), read.json().getJsonArray("flags"));
    AuditEvent created = server.audit().events(AuditAction.CREATE).stream()
        .filter(e -> a.getString("id").equals(e.resourceId())).findFirst().orElseThrow();
    assertEquals(patientId, created.patientId());
    assertEquals(endoscopist.userId(), created.actorUserId());
    assertTrue(server.audit().events(AuditAction.READ).stream().anyMatch(e -> a.getString("id").equals(e.resourceId())));
  }

  @Test
  void aFrameWithoutLesionsGetsNoFlagsAndTheListShowsBoth() {
    JsonObject a = analysed(withoutLesions);
    assertEquals(0, a.getJsonArray("flags").size());
    ApiClient.Response list = specialist.api().get("/api/patients/" + patientId + "/lesion-analyses");
    assertEquals(200, list.status());
    assertTrue(list.json().getJsonArray("items").stream().anyMatch(i -> ((JsonObject) i).getString("id").equals(a.getString("id"))));
  }

  @Test
  void aCorruptFrameOrAnotherFormatIsAClearError() {
    byte[] broken = Arrays.copyOf(withLesions, withLesions.length / 3);
    JsonObject problem = assertProblem(upload(endoscopist.api(), broken, "image/png"), ErrorCode.FRAME_INVALID);
    assertTrue(problem.getString("detail").contains("damaged or truncated"), problem::encode);
    assertProblem(upload(endoscopist.api(), withLesions, "image/gif"), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertTrue(server.audit().events(AuditAction.CREATE).stream()
        .anyMatch(e -> e.outcome() == AuditOutcome.FAILED && "invalid frame".equals(e.detail())));
  }

  @Test
  void reviewsAreStoredWithWhoAndWhenAndAudited() {
    JsonObject a = analysed(withLesions);
    ApiClient.Response accepted = review(endoscopist.api(), a, 0, new JsonObject().put("decision", "accept")
        .put("label", "polyp").put("parisClass", "0-Is").put("sizeMm", 6).put("version", 1));
    assertEquals(200, accepted.status(), accepted::toString);
    assertEquals("\"2\"", accepted.header("ETag"));
    JsonObject flag = accepted.json().getJsonArray("flags").getJsonObject(0);
    assertEquals("accepted", flag.getString("status"));
    JsonObject decision = flag.getJsonArray("reviews").getJsonObject(0);
    assertEquals(endoscopist.userId(), decision.getString("by"));
    assertEquals("endoscopist", decision.getString("byRole"));
    assertNotNull(decision.getString("at"));
    assertEquals("0-Is", flag.getJsonObject("current").getString("parisClass"));

    JsonObject box = a.getJsonArray("flags").getJsonObject(0).getJsonObject("box");
    JsonObject moved = new JsonObject().put("x", box.getInteger("x") + 1).put("y", box.getInteger("y")).put("width", box.getInteger("width"))
        .put("height", box.getInteger("height"));
    ApiClient.Response edited = review(specialist.api(), accepted.json(), 0, new JsonObject().put("decision", "edit")
        .put("box", moved).put("label", "suspected_early_cancer").put("version", 2));
    assertEquals(200, edited.status(), edited::toString);
    JsonObject now = edited.json().getJsonArray("flags").getJsonObject(0);
    assertEquals("edited", now.getString("status"));
    assertEquals(moved, now.getJsonObject("current").getJsonObject("box"));
    assertEquals(box, now.getJsonObject("box"), "the model's own box is kept");
    assertEquals(2, now.getJsonArray("reviews").size(), "every decision stays");
    assertTrue(server.audit().events(AuditAction.REVIEW).stream().anyMatch(e -> e.outcome() == AuditOutcome.SUCCESS
        && specialist.userId().equals(e.actorUserId()) && patientId.equals(e.patientId()) && e.detail().endsWith("decision=edit")));

    assertProblem(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "reject").put("version", 2)), ErrorCode.PRECONDITION_FAILED);
    assertProblem(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "reject")), ErrorCode.PRECONDITION_REQUIRED);
  }

  @Test
  void anInvalidReviewNamesItsFields() {
    JsonObject a = analysed(withLesions);
    assertFieldError(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "accept").put("parisClass", "IIa").put("version", 1)), "/parisClass");
    assertFieldError(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "reject").put("label", "polyp").put("version", 1)), "/label");
    assertFieldError(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "edit").put("version", 1)), "/decision");
    assertFieldError(review(endoscopist.api(), a, 0, new JsonObject().put("decision", "edit").put("version", 1)
        .put("box", new JsonObject().put("x", 280).put("y", 0).put("width", 20).put("height", 5))), "/box/width");
    assertProblem(endoscopist.api().post("/api/patients/" + patientId + "/lesion-analyses/" + a.getString("id") + "/flags/nope/review",
        new JsonObject().put("decision", "accept").put("version", 1)), ErrorCode.FLAG_NOT_FOUND);
  }

  @Test
  void onlyReviewersInThePatientsCareMayReview() {
    JsonObject a = analysed(withLesions);
    JsonObject accept = new JsonObject().put("decision", "accept").put("version", 1);
    assertProblem(review(districtDoctor.api(), a, 0, accept), ErrorCode.FORBIDDEN);
    assertProblem(review(strangerEndoscopist.api(), a, 0, accept), ErrorCode.PATIENT_NOT_FOUND);
    assertProblem(upload(strangerEndoscopist.api(), withLesions, "image/png"), ErrorCode.PATIENT_NOT_FOUND);
    assertTrue(server.audit().events(AuditAction.REVIEW).stream()
        .anyMatch(e -> e.outcome() == AuditOutcome.DENIED && strangerEndoscopist.userId().equals(e.actorUserId())));
  }

  @Test
  void administratorsSeeAndSwitchTheModelsWithoutARestart() {
    ApiClient.Response models = server.admin().get("/api/lesion-models");
    assertEquals(200, models.status(), models::toString);
    JsonObject active = models.json().getJsonObject("active");
    assertEquals("lesion-unet", active.getString("id"));
    assertEquals("demonstration, not for clinical use", models.json().getJsonArray("models").getJsonObject(0).getString("intendedUse"));
    ApiClient.Response same = server.admin().put("/api/lesion-models/active", active);
    assertEquals(200, same.status(), same::toString);
    assertProblem(server.admin().put("/api/lesion-models/active", new JsonObject().put("id", "lesion-unet").put("version", "9.9.9")),
        ErrorCode.LESION_MODEL_NOT_FOUND);
    ApiClient.Response reload = server.admin().post("/api/lesion-models/reload", new JsonObject());
    assertEquals(200, reload.status(), reload::toString);
    assertEquals(active, reload.json().getJsonObject("active"));
  }
}
