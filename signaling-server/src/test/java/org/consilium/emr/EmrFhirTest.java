package org.consilium.emr;

import static org.consilium.testdata.Consultation.expect;
import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditOutcome;
import org.consilium.emr.fhir.FhirDocuments;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Consultation;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The consultation in the electronic record, built over the HTTP API as clinicians build it (patient, request,
 * session, minutes, an endoscopy frame with a reviewed AI flag, a CT study), then signed and read back as FHIR.
 */
class EmrFhirTest {

  private static final Path FRAMES = Path.of("..", "ai-inference", "src", "test", "resources", "frames");
  private static final List<String> TYPES = List.of("Patient", "ServiceRequest", "Appointment", "Encounter", "ImagingStudy",
      "DiagnosticReport", "Observation", "Media", "Device", "Provenance", "AuditEvent");

  private static TestServer server;
  private static FhirDocuments fhir;
  private static Staff doctor;
  private static Staff endoscopist;
  private static Staff chair;
  private static Staff member;
  private static Staff admin;
  private static Staff stranger;
  private static String centralId;
  private static String patientId;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.create().with("AI_MODELS_DIR", Path.of("..", "models").toString()).start();
    fhir = new FhirDocuments(server.vertx(), 1, server.baseUrl() + "/fhir");
    // Loads the R4 specification into the (JVM-wide) validator now, so that no HTTP call waits for it.
    assertEquals(List.of(), TestServer.await(fhir.validate("{\"resourceType\":\"Basic\",\"code\":{\"text\":\"warm-up\"}}")));
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
    centralId = Staff.newHospital(server, "Bệnh viện Bạch Mai");
    chair = Staff.in(server, centralId, Role.SPECIALIST);
    member = Staff.in(server, centralId, Role.SPECIALIST);
    admin = Staff.in(server, centralId, Role.ADMINISTRATOR);
    stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện K"), Role.SPECIALIST);
    String mrn = "EMR-" + System.nanoTime() % 1_000_000;
    patientId = aPatient().named("Nguyễn Văn An").born(1970, 5, 20).sex("male").with("medicalRecordNumber", mrn)
        .with("insuranceNumber", "CB2011234509876").with("phone", "0909123456").with("address", "Ấp Mỹ Hòa, Trà Vinh")
        .create(doctor.api()).getString("id");
    byte[] ct = DicomSamples.bytes(DicomSamples.forPatient("CT_small.dcm", mrn, "NGUYEN^VAN AN", "19700520", "M"));
    assertEquals(200, doctor.api().sendBytes("POST", "/api/patients/" + patientId + "/imaging/uploads", ct, "application/dicom", null).status());
    JsonObject analysis = expect(endoscopist.api().sendBytes("POST", "/api/patients/" + patientId + "/lesion-analyses?source=upload",
        frameWithLesion(), "image/png"), 201);
    String flag = analysis.getJsonArray("flags").getJsonObject(0).getString("id");
    expect(endoscopist.api().post("/api/patients/" + patientId + "/lesion-analyses/" + analysis.getString("id") + "/flags/" + flag + "/review",
        new JsonObject().put("decision", "edit").put("label", "polyp").put("parisClass", "0-Is").put("sizeMm", 8)
            .put("version", analysis.getLong("version"))), 200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("every resource type we produce, from real data, passes HAPI's R4 validator; read by id gives the same resource")
  void everyResourceIsValidR4() {
    String requestId = signedMinutes();
    JsonObject signed = expect(chair.api().post(reports(requestId), null), 201);
    assertEquals("not-configured", signed.getJsonObject("delivery").getString("status"), signed::encode);
    assertTrue(signed.getJsonObject("signature").getBoolean("valid"), signed::encode);
    for (String type : TYPES) {
      JsonObject bundle = fhirJson(chair.api(), "/fhir/" + type + "?patient=Patient/" + patientId, 200);
      assertEquals("searchset", bundle.getString("type"));
      JsonArray entries = bundle.getJsonArray("entry", new JsonArray());
      assertFalse(entries.isEmpty(), () -> "no " + type + " for the patient");
      for (Object o : entries) {
        JsonObject resource = ((JsonObject) o).getJsonObject("resource");
        List<String> errors = TestServer.await(fhir.validate(resource.encode()));
        assertEquals(List.of(), errors, () -> type + " is not valid R4: " + resource.encodePrettily());
        JsonObject read = fhirJson(chair.api(), "/fhir/" + type + "/" + resource.getString("id"), 200);
        assertEquals(resource, read, type + " read by id");
      }
    }
    JsonObject patient = fhirJson(chair.api(), "/fhir/Patient/" + patientId, 200);
    List<String> systems = patient.getJsonArray("identifier").stream().map(i -> ((JsonObject) i).getString("system")).toList();
    assertTrue(systems.contains("https://fhir.consilium.vn/sid/citizen-id"), systems::toString);
    assertTrue(systems.contains("https://fhir.consilium.vn/sid/health-insurance"), systems::toString);
    JsonObject encounter = fhirJson(chair.api(), "/fhir/Encounter/" + requestId, 200);
    assertEquals("VR", encounter.getJsonObject("class").getString("code"));
    JsonObject observation = fhirJson(chair.api(), "/fhir/Observation?patient=" + patientId + "&category=imaging", 200)
        .getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
    assertEquals(8, observation.getJsonObject("valueQuantity").getInteger("value"));
    assertTrue(observation.getJsonObject("device").getString("reference").startsWith("Device/model-"));
    assertTrue(observation.encode().contains("0-Is"), observation::encode);
  }

  @Test
  @DisplayName("a signed report verifies; changing a byte of the stored PDF or report JSON shows it invalid on the next read")
  void tamperingIsDetected() throws IOException {
    String requestId = signedMinutes();
    String id = expect(chair.api().post(reports(requestId), null), 201).getString("id");
    JsonObject before = expect(doctor.api().get(reports(requestId)), 200).getJsonArray("items").getJsonObject(0);
    assertTrue(before.getJsonObject("signature").getBoolean("valid"), before::encode);
    assertTrue(before.getJsonObject("signature").getJsonObject("report").getString("signer").contains("UID=" + chair.userId()), before::encode);

    alter(id, ".pdf");
    JsonObject after = expect(doctor.api().get(reports(requestId)), 200).getJsonArray("items").getJsonObject(0);
    assertFalse(after.getJsonObject("signature").getBoolean("valid"), after::encode);
    assertFalse(after.getJsonObject("signature").getJsonObject("minutesPdf").getBoolean("valid"));
    assertTrue(after.getJsonObject("signature").getJsonObject("report").getBoolean("valid"), "the report JSON is untouched");
    ApiClient.BinaryResponse pdf = doctor.api().sendBytes("GET", reports(requestId) + "/1/pdf", null, null, null);
    assertEquals("false", pdf.header("X-Signature-Valid"));
    JsonObject provenance = fhirJson(doctor.api(), "/fhir/Provenance/" + id, 200);
    assertEquals("invalid", provenance.getJsonObject("meta").getJsonArray("tag").getJsonObject(0).getString("code"));

    alter(id, ".json");
    JsonObject json = expect(doctor.api().get(reports(requestId)), 200).getJsonArray("items").getJsonObject(0);
    assertFalse(json.getJsonObject("signature").getJsonObject("report").getBoolean("valid"), json::encode);
    assertEquals("invalid", fhirJson(doctor.api(), "/fhir/Provenance/" + id, 200).getJsonObject("meta").getJsonArray("tag")
        .getJsonObject(0).getString("code"));
    fhirJson(doctor.api(), "/fhir/DiagnosticReport?patient=" + patientId, 200);
  }

  @Test
  @DisplayName("a signed report cannot change; an amendment is version 2, amended, replacing version 1, handed to delivery")
  void amendmentsAreNewVersions() {
    String requestId = signedMinutes();
    expect(chair.api().post(reports(requestId), null), 201);
    Problems.assertProblem(chair.api().post(reports(requestId), null), ErrorCode.REPORT_SIGNED);
    String minutes = "/api/consultations/" + requestId + "/minutes";
    Problems.assertProblem(chair.api().put(minutes, Consultation.minutesBody(2, "sửa sau khi ký")), ErrorCode.MINUTES_SIGNED);

    JsonObject draft = expect(chair.api().post(minutes + "/editions", null), 201);
    JsonObject saved = expect(chair.api().put(minutes, Consultation.minutesBody(draft.getLong("version"), "Bổ sung: PET-CT không di căn xa")), 200);
    expect(chair.api().post(minutes + "/sign", new JsonObject().put("version", saved.getLong("version"))), 200);
    List<JsonObject> delivered = new CopyOnWriteArrayList<>();
    MessageConsumer<JsonObject> outbox = server.vertx().eventBus().consumer("consilium.emr.report-signed", m -> {
      delivered.add(m.body());
      m.reply(new JsonObject().put("queued", true));
    });
    TestServer.await(outbox.completion());
    try {
      JsonObject v2 = expect(chair.api().post(reports(requestId), null), 201);
      assertEquals(2, v2.getInteger("version"));
      assertEquals(requestId + "-v1", v2.getString("replaces"));
      assertEquals("queued", v2.getJsonObject("delivery").getString("status"));
      assertEquals(1, delivered.size());
      JsonObject message = delivered.get(0);
      assertEquals(patientId, message.getString("patientId"));
      assertEquals(requestId + "-v2", message.getString("reportId"));
      JsonObject bundle = new JsonObject(message.getString("bundle"));
      assertEquals("transaction", bundle.getString("type"));
      assertTrue(bundle.getJsonArray("entry").stream().allMatch(e -> "PUT".equals(((JsonObject) e).getJsonObject("request").getString("method"))));
      assertEquals(List.of(), TestServer.await(fhir.validate(message.getString("bundle"))));
    } finally {
      TestServer.await(outbox.unregister());
    }
    JsonObject report = fhirJson(doctor.api(), "/fhir/DiagnosticReport/" + requestId + "-v2", 200);
    assertEquals("amended", report.getString("status"));
    assertTrue(report.getString("conclusion").contains("Ung thư"), report::encode);
    JsonObject provenance = fhirJson(doctor.api(), "/fhir/Provenance/" + requestId + "-v2", 200);
    JsonObject entity = provenance.getJsonArray("entity").getJsonObject(0);
    assertEquals("revision", entity.getString("role"));
    assertEquals("DiagnosticReport/" + requestId + "-v1", entity.getJsonObject("what").getString("reference"));
    assertEquals(2, provenance.getJsonArray("signature").size());
    JsonObject amended = fhirJson(doctor.api(), "/fhir/DiagnosticReport?patient=" + patientId + "&status=amended", 200);
    assertEquals(1, amended.getInteger("total"), amended::encode);
  }

  @Test
  @DisplayName("only the responsible specialist (the session's chair) signs, and the refusal is audited")
  void onlyTheResponsibleSpecialistSigns() {
    String requestId = signedMinutes();
    expect(member.api().get("/api/consultations/" + requestId), 200); // a session member is in the patient's care once they open it
    Problems.assertProblem(member.api().post(reports(requestId), null), ErrorCode.REPORT_SIGNER_NOT_RESPONSIBLE);
    assertTrue(server.audit().events(AuditAction.CREATE).stream().anyMatch(e -> e.outcome() == AuditOutcome.DENIED
        && member.userId().equals(e.actorUserId()) && patientId.equals(e.patientId())));
    Problems.assertProblem(doctor.api().post(reports(requestId), null), ErrorCode.FORBIDDEN);
    Problems.assertProblem(stranger.api().post(reports(requestId), null), ErrorCode.CONSULTATION_NOT_FOUND);
    Problems.assertProblem(stranger.api().get(reports(requestId)), ErrorCode.CONSULTATION_NOT_FOUND);
  }

  @Test
  @DisplayName("strangers get 404 OperationOutcome for reads and searches, audited; JSON and XML; bad searches are 400")
  void accessFormatsAndSearch() {
    JsonObject outcome = fhirJson(stranger.api(), "/fhir/Patient/" + patientId, 404);
    assertEquals("OperationOutcome", outcome.getString("resourceType"));
    assertEquals("not-found", outcome.getJsonArray("issue").getJsonObject(0).getString("code"));
    fhirJson(stranger.api(), "/fhir/Observation?patient=" + patientId, 404);
    assertTrue(server.audit().events(AuditAction.READ).stream().anyMatch(e -> e.outcome() == AuditOutcome.DENIED
        && stranger.userId().equals(e.actorUserId())));
    fhirJson(doctor.api(), "/fhir/Patient/" + patientId, 200);
    assertTrue(server.audit().events(AuditAction.READ).stream().anyMatch(e -> e.outcome() == AuditOutcome.SUCCESS
        && doctor.userId().equals(e.actorUserId()) && patientId.equals(e.patientId()) && "emr-record".equals(e.resourceType())));

    ApiClient.BinaryResponse xml = doctor.api().sendBytes("GET", "/fhir/Patient/" + patientId, null, null, "application/fhir+xml");
    assertEquals(200, xml.status());
    assertTrue(xml.header("Content-Type").startsWith("application/fhir+xml"));
    assertTrue(xml.text().startsWith("<Patient xmlns=\"http://hl7.org/fhir\">"), xml::text);
    assertTrue(doctor.api().get("/fhir/Patient/" + patientId + "?_format=xml").body().contains("<identifier>"));

    assertEquals(0, fhirJson(doctor.api(), "/fhir/Observation?patient=" + patientId + "&date=lt2000-01-01", 200).getInteger("total"));
    assertTrue(fhirJson(doctor.api(), "/fhir/Observation?patient=" + patientId + "&date=ge2000", 200).getInteger("total") > 0);
    assertEquals("invalid", fhirJson(doctor.api(), "/fhir/Observation?patient=" + patientId + "&code=x", 400)
        .getJsonArray("issue").getJsonObject(0).getString("code"));
    fhirJson(doctor.api(), "/fhir/Observation", 400);
    fhirJson(doctor.api(), "/fhir/Observation?patient=" + patientId + "&date=yesterday", 400);
    fhirJson(doctor.api(), "/fhir/Basic/x", 404);
    JsonObject metadata = new JsonObject(server.api().get("/fhir/metadata").body());
    assertEquals("CapabilityStatement", metadata.getString("resourceType"));
    assertEquals(List.of(), TestServer.await(fhir.validate(metadata.encode())));
  }

  /** A request by the district doctor, accepted, in a session the chair held, with signed minutes. */
  private static String signedMinutes() {
    return Consultation.withSignedMinutes(doctor.api(), chair.api(), member.userId(), chair.userId(), admin.api(), patientId, centralId);
  }

  private static String reports(String requestId) {
    return "/api/consultations/" + requestId + "/reports";
  }

  private static JsonObject fhirJson(ApiClient api, String path, int status) {
    ApiClient.Response resp = api.get(path);
    assertEquals(status, resp.status(), resp::toString);
    assertTrue(resp.header("Content-Type").startsWith("application/fhir+json"), resp::toString);
    return new JsonObject(resp.body());
  }

  /** Flips one byte in the middle of the stored file of report {@code id} ending in {@code suffix}. */
  private static void alter(String id, String suffix) throws IOException {
    Path dir = server.dataDir().resolve("emr").resolve("reports");
    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.filter(p -> p.getFileName().toString().startsWith(id + "-") && p.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
  }

  private static byte[] frameWithLesion() throws IOException {
    JsonArray frames = new JsonObject(Files.readString(FRAMES.resolve("expected.json"), StandardCharsets.UTF_8)).getJsonArray("frames");
    List<byte[]> found = new ArrayList<>();
    for (Object o : frames) {
      JsonObject f = (JsonObject) o;
      if (found.isEmpty() && !f.getJsonArray("pythonFlags").isEmpty()) found.add(Files.readAllBytes(FRAMES.resolve(f.getString("image"))));
    }
    assertNotNull(found.isEmpty() ? null : found.get(0), "a test frame with a lesion");
    return found.get(0);
  }
}
