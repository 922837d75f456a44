package org.consilium.imaging;

import static org.consilium.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accepted findings become a TID 1500 SR and a SEG in the patient's study, over the API with the real model: valid
 * by dciodvfy as retrieved through our WADO-RS, listed by QIDO-RS, idempotent, audited, and hidden from strangers.
 */
class FindingsDicomOutputsTest {

  private static TestServer server;
  private static ApiClient endoscopist;
  private static AcceptedFindings findings;

  @BeforeAll
  static void start() {
    server = TestServer.create().with("AI_MODELS_DIR", Path.of("..", "models").toString()).start();
    endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST).api();
    findings = AcceptedFindings.prepare(endoscopist, ImagingApiTest.newPatient(endoscopist).id());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the SR and SEG are stored in the source's study, pass dciodvfy as WADO-RS returns them, and writing again stores nothing new")
  void writtenStoredAndValid() throws Exception {
    ApiClient.Response written = findings.write(endoscopist);
    assertEquals(201, written.status(), written::toString);
    JsonObject sr = written.json().getJsonObject("measurementReport");
    JsonObject seg = written.json().getJsonObject("segmentation");
    assertEquals("stored", sr.getString("status"), sr::encode);
    assertEquals("stored", seg.getString("status"), seg::encode);
    assertEquals(findings.studyUid(), sr.getString("studyInstanceUid"));
    assertEquals(findings.studyUid(), seg.getString("studyInstanceUid"));

    String base = "/api/patients/" + findings.patientId() + "/dicomweb/studies/" + findings.studyUid();
    ApiClient.BinaryResponse listed = endoscopist.sendBytes("GET", base + "/instances", null, null, "application/dicom+json");
    assertEquals(200, listed.status(), listed::toString);
    String classes = listed.array().encode();
    assertTrue(classes.contains("1.2.840.10008.5.1.4.1.1.88.33") && classes.contains("1.2.840.10008.5.1.4.1.1.66.4"), classes);

    for (JsonObject o : List.of(sr, seg)) {
      ApiClient.BinaryResponse got = endoscopist.sendBytes("GET", base + "/series/" + o.getString("seriesInstanceUid") + "/instances/"
          + o.getString("sopInstanceUid"), null, null, "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
      assertEquals(200, got.status(), got::toString);
      Path file = Files.createTempFile("output", ".dcm");
      Files.write(file, DicomWebTest.parts(got).get(0));
      String report = DicomSamples.run(List.of("dciodvfy", file.toString()));
      assertFalse(report.contains("Error"), report);
    }
    String tree = DicomSamples.run(List.of("dsrdump", "+Pu", Files.write(Files.createTempFile("sr", ".dcm"), DicomWebTest.parts(
        endoscopist.sendBytes("GET", base + "/series/" + sr.getString("seriesInstanceUid") + "/instances/" + sr.getString("sopInstanceUid"),
            null, null, "multipart/related; type=\"application/dicom\"; transfer-syntax=*")).get(0)).toString()));
    assertTrue(tree.contains("Polyp") && tree.contains("0-Is") && tree.contains("\"6.0\" (mm,UCUM") && tree.contains(findings.sourceUid())
        && tree.contains("lesion-unet"), tree);

    // The SEG's segment is the model's own region for the accepted flag: its area, inside its box, not the box filled.
    JsonObject flag = endoscopist.get("/api/patients/" + findings.patientId() + "/lesion-analyses/" + findings.analysisId()).json()
        .getJsonArray("flags").getJsonObject(0);
    Path segFile = Files.write(Files.createTempFile("seg", ".dcm"), DicomWebTest.parts(endoscopist.sendBytes("GET", base + "/series/"
        + seg.getString("seriesInstanceUid") + "/instances/" + seg.getString("sopInstanceUid"), null, null,
        "multipart/related; type=\"application/dicom\"; transfer-syntax=*")).get(0));
    String printed = DicomSamples.run(List.of("/usr/bin/python3", "-c", "import sys, numpy, pydicom\n"
        + "m = pydicom.dcmread(sys.argv[1]).pixel_array\nys, xs = numpy.nonzero(m)\n"
        + "print(int(m.sum()), xs.min(), ys.min(), xs.max(), ys.max())", segFile.toString())).trim();
    String[] region = printed.substring(printed.lastIndexOf('\n') + 1).split(" ");
    JsonObject box = flag.getJsonObject("box");
    long area = Long.parseLong(region[0]);
    long modelArea = flag.getLong("areaPixels");
    assertTrue(Math.abs(area - modelArea) <= modelArea / 5, "segment " + area + " px, model region " + modelArea + " px");
    assertTrue(area < 0.95 * box.getInteger("width") * box.getInteger("height"), "a region, not the box filled: " + area + " px in " + box);
    assertTrue(Integer.parseInt(region[1]) >= box.getInteger("x") && Integer.parseInt(region[2]) >= box.getInteger("y")
        && Integer.parseInt(region[3]) < box.getInteger("x") + box.getInteger("width")
        && Integer.parseInt(region[4]) < box.getInteger("y") + box.getInteger("height"), String.join(" ", region) + " inside " + box);

    ApiClient.Response again = findings.write(endoscopist);
    assertEquals(200, again.status(), again::toString);
    assertEquals("already_stored", again.json().getJsonObject("measurementReport").getString("status"));
    assertEquals(sr.getString("sopInstanceUid"), again.json().getJsonObject("measurementReport").getString("sopInstanceUid"));
    assertTrue(server.audit().events(AuditAction.CREATE).stream().anyMatch(e -> "imaging-study".equals(e.resourceType())
        && findings.patientId().equals(e.patientId()) && e.detail().startsWith("stored=2")), "the writing is audited");
  }

  @Test
  @DisplayName("a stranger gets 404 and learns nothing; no accepted flag, an unknown image and a missing PACS are refused clearly")
  void refusals() {
    ApiClient stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Xa"), Role.ENDOSCOPIST).api();
    ApiClient.Response denied = findings.write(stranger);
    assertEquals(404, denied.status(), denied::toString);
    ApiClient.Response unknown = endoscopist.post("/api/patients/" + findings.patientId() + "/lesion-analyses/" + findings.analysisId()
        + "/dicom-outputs", new JsonObject().put("sopInstanceUid", "1.2.3.4"));
    assertProblem(unknown, ErrorCode.FINDINGS_SOURCE_NOT_STORED);
    ApiClient.Response bad = endoscopist.post("/api/patients/" + findings.patientId() + "/lesion-analyses/" + findings.analysisId()
        + "/dicom-outputs", new JsonObject().put("sopInstanceUid", "not a uid"));
    assertEquals(422, bad.status(), bad::toString);
    ApiClient.Response send = endoscopist.post("/api/patients/" + findings.patientId() + "/imaging/pacs-sends",
        new JsonObject().put("sopInstanceUids", new JsonArray().add(findings.sourceUid())));
    assertProblem(send, ErrorCode.PACS_NOT_CONFIGURED);
    ApiClient.Response strangerSend = stranger.post("/api/patients/" + findings.patientId() + "/imaging/pacs-sends",
        new JsonObject().put("sopInstanceUids", new JsonArray().add(findings.sourceUid())));
    assertEquals(404, strangerSend.status(), strangerSend::toString);
    assertTrue(server.audit().events().stream().anyMatch(e -> e.outcome().name().equals("DENIED") && findings.patientId().equals(e.patientId())
        || e.outcome().name().equals("DENIED") && "imaging-study".equals(e.resourceType())), "the refusal is audited");
  }
}
