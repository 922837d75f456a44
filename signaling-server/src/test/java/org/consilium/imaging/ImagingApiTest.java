package org.consilium.imaging;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Browser upload and ingest rules over real HTTP with real pydicom files made to belong to a test patient. */
class ImagingApiTest {

  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static TestServer server;
  private static ApiClient doctor;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A patient, and the DICOM identity its files must carry. */
  record TestPatient(String id, String recordNumber) {
    Path sample(String file, String... extra) {
      return DicomSamples.forPatient(file, recordNumber, "NGUYEN^VAN AN", "19700520", "M", extra);
    }
  }

  static TestPatient newPatient(ApiClient api) {
    String mrn = "CT-" + System.nanoTime() % 1_000_000 + "-" + SERIAL.incrementAndGet();
    JsonObject p = aPatient().named("Nguyễn Văn An").born(1970, 5, 20).sex("male").with("medicalRecordNumber", mrn).create(api);
    return new TestPatient(p.getString("id"), mrn);
  }

  static ApiClient.BinaryResponse upload(ApiClient api, String patientId, byte[] body, String type) {
    return api.sendBytes("POST", "/api/patients/" + patientId + "/imaging/uploads", body, type, null);
  }

  @Test
  @DisplayName("a CT uploaded twice is stored once; the second upload answers 'already stored'; both are audited")
  void idempotentUpload() {
    TestPatient p = newPatient(doctor);
    byte[] ct = DicomSamples.bytes(p.sample("CT_small.dcm"));
    int before = server.audit().events(AuditAction.CREATE).size();
    ApiClient.BinaryResponse first = upload(doctor, p.id(), ct, "application/dicom");
    assertEquals(200, first.status(), first::toString);
    assertEquals(1, first.json().getInteger("stored"));
    JsonObject result = first.json().getJsonArray("results").getJsonObject(0);
    assertEquals("stored", result.getString("status"));
    assertTrue(result.getString("sopInstanceUid").matches("[0-9.]+"), result::toString);
    ApiClient.BinaryResponse again = upload(doctor, p.id(), ct, "application/dicom");
    assertEquals(200, again.status(), again::toString);
    assertEquals(1, again.json().getInteger("alreadyStored"));
    assertEquals(1, objectFiles().stream().filter(f -> sameBytes(f, ct)).count(), "one copy on disk");
    assertTrue(server.audit().events(AuditAction.CREATE).size() >= before + 2);
  }

  @Test
  @DisplayName("other bytes under a stored SOP Instance UID are a conflict, with the reason")
  void conflictingContent() {
    TestPatient p = newPatient(doctor);
    Path mr = p.sample("MR_small.dcm");
    assertEquals(200, upload(doctor, p.id(), DicomSamples.bytes(mr), "application/dicom").status());
    byte[] changed = DicomSamples.bytes(DicomSamples.edited(mr, "(0008,1030)=Changed description"));
    ApiClient.BinaryResponse resp = upload(doctor, p.id(), changed, "application/dicom");
    assertEquals(409, resp.status(), resp::toString);
    JsonObject r = resp.json().getJsonArray("results").getJsonObject(0);
    assertEquals("conflict", r.getString("status"));
    assertTrue(r.getString("reason").contains("different content"), r::toString);
  }

  @Test
  @DisplayName("a file of another patient (Patient ID, birth date or name) is refused and leaves nothing behind")
  void otherPatientsFileRefused() throws IOException {
    TestPatient p = newPatient(doctor);
    List<Path> before = objectFiles();
    String[][] cases = {
        {"SOMEONE-ELSE", "NGUYEN^VAN AN", "19700520", "Patient ID"},
        {p.recordNumber(), "NGUYEN^VAN AN", "19700521", "Birth Date"},
        {p.recordNumber(), "TRAN^THI BINH", "19700520", "Name"},
    };
    for (String[] c : cases) {
      byte[] file = DicomSamples.bytes(DicomSamples.forPatient("CT_small.dcm", c[0], c[1], c[2], "M"));
      ApiClient.BinaryResponse resp = upload(doctor, p.id(), file, "application/dicom");
      assertEquals(409, resp.status(), resp::toString);
      JsonObject r = resp.json().getJsonArray("results").getJsonObject(0);
      assertEquals("refused", r.getString("status"));
      assertTrue(r.getString("reason").contains(c[3]), r::toString);
    }
    assertEquals(before, objectFiles());
    assertEquals(List.of(), staging());
  }

  @Test
  @DisplayName("malformed files (not DICOM, no preamble, truncated) are refused with the reason and leave nothing behind")
  void malformedRefused() throws IOException {
    TestPatient p = newPatient(doctor);
    List<Path> before = objectFiles();
    Object[][] cases = {
        {"not DICOM at all".getBytes(), "Part 10"},
        {DicomSamples.bytes(DicomSamples.file("no_meta.dcm")), "Part 10"},
        {DicomSamples.bytes(DicomSamples.file("MR_truncated.dcm")), "pixel data"},
    };
    for (Object[] c : cases) {
      ApiClient.BinaryResponse resp = upload(doctor, p.id(), (byte[]) c[0], "application/dicom");
      assertEquals(409, resp.status(), resp::toString);
      String reason = resp.json().getJsonArray("results").getJsonObject(0).getString("reason");
      assertTrue(reason.contains((String) c[1]), reason);
    }
    assertEquals(before, objectFiles());
    assertEquals(List.of(), staging());
  }

  @Test
  @DisplayName("a zip of a folder is unpacked: each file stored or refused on its own")
  void zipUpload() throws IOException {
    TestPatient p = newPatient(doctor);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (String[] e : new String[][] {{"study/CT_small.dcm", "CT_small.dcm"}, {"study/MR_small_bigendian.dcm", "MR_small_bigendian.dcm"},
          {"study/JPEG2000.dcm", "JPEG2000.dcm"}}) {
        out.putNextEntry(new ZipEntry(e[0]));
        out.write(DicomSamples.bytes(p.sample(e[1])));
      }
      out.putNextEntry(new ZipEntry("study/readme.txt"));
      out.write("not an image".getBytes());
      out.putNextEntry(new ZipEntry("DICOMDIR"));
      out.write(new byte[200]);
    }
    ApiClient.BinaryResponse resp = upload(doctor, p.id(), zip.toByteArray(), "application/zip");
    assertEquals(202, resp.status(), resp::toString);
    assertEquals(3, resp.json().getInteger("stored"), resp::toString);
    assertEquals(1, resp.json().getInteger("refused"));
    JsonArray results = resp.json().getJsonArray("results");
    assertEquals("study/readme.txt", results.getJsonObject(3).getString("source"));
  }

  @Test
  @DisplayName("an endoscopy capture joins the patient's study as a VL Endoscopic Image that dciodvfy accepts")
  void endoscopyCapture() throws IOException {
    TestPatient p = newPatient(doctor);
    JsonObject ct = upload(doctor, p.id(), DicomSamples.bytes(p.sample("CT_small.dcm")), "application/dicom").json()
        .getJsonArray("results").getJsonObject(0);
    String study = ct.getString("studyInstanceUid");
    ApiClient.BinaryResponse r = doctor.sendBytes("POST", "/api/patients/" + p.id() + "/imaging/captures?studyInstanceUid=" + study
        + "&description=N%E1%BB%99i%20soi", DicomSamples.syntheticCapture(640, 480), "image/jpeg", null);
    assertEquals(201, r.status(), r::toString);
    JsonObject stored = r.json();
    assertEquals(study, stored.getString("studyInstanceUid"));
    assertEquals("1.2.840.10008.5.1.4.1.1.77.1.1", stored.getString("sopClassUid"));
    ApiClient.BinaryResponse object = doctor.sendBytes("GET", "/api/patients/" + p.id() + "/dicomweb/studies/" + study + "/series/"
        + stored.getString("seriesInstanceUid") + "/instances/" + stored.getString("sopInstanceUid"), null, null, null);
    assertEquals(200, object.status());
    Path file = Files.createTempFile("capture", ".dcm");
    Files.write(file, DicomWebTest.parts(object).get(0));
    String report = DicomSamples.run(List.of("dciodvfy", file.toString()));
    assertTrue(!report.contains("Error"), report);
    assertEquals(415, doctor.sendBytes("POST", "/api/patients/" + p.id() + "/imaging/captures", new byte[10], "image/png", null).status());
    assertEquals(422, doctor.sendBytes("POST", "/api/patients/" + p.id() + "/imaging/captures", "x".getBytes(), "image/jpeg", null).status());
  }

  @Test
  @DisplayName("a clinician of another hospital cannot upload to the patient (404, audited as denied)")
  void strangersRefused() {
    TestPatient p = newPatient(doctor);
    ApiClient stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Khác"), Role.SPECIALIST).api();
    ApiClient.BinaryResponse resp = upload(stranger, p.id(), DicomSamples.bytes(p.sample("CT_small.dcm")), "application/dicom");
    assertEquals(404, resp.status(), resp::toString);
    assertTrue(server.audit().events(AuditAction.CREATE).stream()
        .anyMatch(e -> e.outcome().name().equals("DENIED") && e.resourceType().equals("imaging-study")));
  }

  static List<Path> objectFiles() {
    return files(server.dataDir().resolve("imaging/objects"));
  }

  private static List<Path> staging() {
    return files(server.dataDir().resolve("imaging/staging"));
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean sameBytes(Path f, byte[] expected) {
    try {
      return java.util.Arrays.equals(Files.readAllBytes(f), expected);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
