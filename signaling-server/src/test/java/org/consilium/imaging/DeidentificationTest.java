package org.consilium.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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

/** A study exported de-identified (PS3.15 Basic Profile): no identity left, method recorded, still valid DICOM. */
class DeidentificationTest {

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

  @Test
  @DisplayName("the export holds every instance with a pseudonym, new UIDs, no birth date, the method in (0012,0064); dciodvfy passes")
  void exportDeidentified() throws IOException {
    ImagingApiTest.TestPatient p = ImagingApiTest.newPatient(doctor);
    JsonObject ct = ImagingApiTest.upload(doctor, p.id(), DicomSamples.bytes(p.sample("CT_small.dcm", "(0008,0080)=Bệnh viện Huyện")),
        "application/dicom").json().getJsonArray("results").getJsonObject(0);
    String study = ct.getString("studyInstanceUid");
    assertEquals(201, doctor.sendBytes("POST", "/api/patients/" + p.id() + "/imaging/captures?studyInstanceUid=" + study,
        DicomSamples.syntheticCapture(320, 240), "image/jpeg", null).status());

    ApiClient.BinaryResponse r = doctor.sendBytes("GET", "/api/patients/" + p.id() + "/imaging/studies/" + study + "/deidentified", null, null, null);
    assertEquals(200, r.status(), r::toString);
    assertEquals("application/zip", r.header("Content-Type"));
    List<Path> files = unzip(r.body());
    assertEquals(2, files.size());
    Set<String> studies = new HashSet<>();
    Set<String> pseudonyms = new HashSet<>();
    for (Path f : files) {
      String dump = DicomSamples.run(List.of("dcmdump", "+U8", f.toString()));
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      assertFalse(text.contains("NGUYEN") || text.contains(p.recordNumber()) || dump.contains("Nguy"), "identity left in " + f);
      assertFalse(dump.contains("19700520"), dump);
      assertTrue(dump.contains("(0012,0062) CS [YES]"), dump);
      assertTrue(dump.contains("113100"), dump);
      studies.add(field(dump, "(0020,000d)"));
      pseudonyms.add(field(dump, "(0010,0020)"));
      String report = DicomSamples.run(List.of("dciodvfy", f.toString()));
      assertFalse(report.contains("Error"), report);
    }
    assertEquals(1, studies.size(), "the instances stay one study");
    assertNotEquals(study, studies.iterator().next());
    assertEquals(1, pseudonyms.size());
    assertTrue(pseudonyms.iterator().next().startsWith("ANON-"));
    assertTrue(server.audit().events(AuditAction.EXPORT).stream().anyMatch(e -> p.id().equals(e.patientId())));
    assertEquals(404, doctor.sendBytes("GET", "/api/patients/" + p.id() + "/imaging/studies/1.2.3/deidentified", null, null, null).status());
  }

  private static String field(String dump, String tag) {
    return dump.lines().filter(l -> l.toLowerCase().startsWith(tag)).findFirst()
        .map(l -> l.substring(l.indexOf('[') + 1, l.indexOf(']'))).orElseThrow(() -> new AssertionError(tag + " missing:\n" + dump));
  }

  private static List<Path> unzip(byte[] zip) throws IOException {
    Path dir = Files.createTempDirectory("deid");
    List<Path> out = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      int n = 0;
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path f = dir.resolve("f" + n++ + ".dcm");
        Files.write(f, in.readAllBytes());
        out.add(f);
      }
    }
    return out;
  }
}
