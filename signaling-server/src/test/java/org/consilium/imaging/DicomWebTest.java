package org.consilium.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
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

/** STOW-RS, QIDO-RS and WADO-RS over real HTTP, as a DICOMweb viewer calls them. */
class DicomWebTest {

  private static TestServer server;
  private static ApiClient doctor;
  private static ImagingApiTest.TestPatient patient;
  private static String base;
  private static Path ct;
  private static Path mr;
  private static Path rgb;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
    patient = ImagingApiTest.newPatient(doctor);
    base = "/api/patients/" + patient.id() + "/dicomweb";
    ct = patient.sample("CT_small.dcm", "(0008,0020)=20040119", "(0008,1030)=CT NGUC");
    mr = patient.sample("MR_small.dcm", "(0008,0020)=20100315", "(0008,1030)=MRI SO NAO");
    rgb = patient.sample("SC_rgb_rle_2frame.dcm", "(0008,0020)=20200101");
    ApiClient.BinaryResponse stow = stow(List.of(ct, mr, rgb));
    assertEquals(200, stow.status(), stow::toString);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ApiClient.BinaryResponse stow(List<Path> files) {
    String boundary = "consilium-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Path f : files) {
      body.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(DicomSamples.bytes(f));
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return doctor.sendBytes("POST", base + "/studies", body.toByteArray(),
        "multipart/related; type=\"application/dicom\"; boundary=" + boundary, "application/dicom+json");
  }

  private static ApiClient.BinaryResponse get(String path, String accept) {
    return doctor.sendBytes("GET", base + path, null, null, accept);
  }

  private static JsonArray qido(String path) {
    ApiClient.BinaryResponse r = get(path, "application/dicom+json");
    assertEquals(200, r.status(), r::toString);
    assertTrue(r.header("Content-Type").startsWith("application/dicom+json"));
    return r.array();
  }

  static String value(JsonObject o, String tag) {
    Object v = o.getJsonObject(tag).getJsonArray("Value").getValue(0);
    return v instanceof JsonObject pn ? pn.getString("Alphabetic") : String.valueOf(v);
  }

  private static String uid(Path file, String tag) {
    String out = DicomSamples.run(List.of("dcmdump", "+P", tag, file.toString()));
    return out.substring(out.indexOf('[') + 1, out.indexOf(']'));
  }

  @Test
  @DisplayName("STOW-RS answers per instance: a refused part makes 202 with its Failure Reason and comment")
  void stowPartial() {
    Path alien = DicomSamples.forPatient("CT_small.dcm", "OTHER-ID", "NGUYEN^VAN AN", "19700520", "M");
    ApiClient.BinaryResponse r = stow(List.of(ct, alien));
    assertEquals(202, r.status(), r::toString);
    JsonObject answer = r.json();
    assertEquals(1, answer.getJsonObject("00081199").getJsonArray("Value").size());
    JsonObject failed = answer.getJsonObject("00081198").getJsonArray("Value").getJsonObject(0);
    assertEquals(0xC000, failed.getJsonObject("00081197").getJsonArray("Value").getInteger(0));
    assertTrue(value(failed, "00000902").contains("Patient ID"), failed::toString);
    assertEquals(415, doctor.sendBytes("POST", base + "/studies", new byte[10], "application/dicom", null).status());
  }

  @Test
  @DisplayName("QIDO-RS: studies with counts and modalities; fuzzy name, date range, UID, wildcard, limit/offset")
  void qidoStudies() {
    JsonArray all = qido("/studies");
    assertEquals(3, all.size(), all::encode);
    JsonObject ctStudy = all.stream().map(JsonObject.class::cast)
        .filter(s -> value(s, "0020000D").equals(uid(ct, "StudyInstanceUID"))).findFirst().orElseThrow();
    assertEquals("1", value(ctStudy, "00201206"));
    assertEquals("1", value(ctStudy, "00201208"));
    assertEquals("CT", value(ctStudy, "00080061"));
    assertEquals("NGUYEN^VAN AN", value(ctStudy, "00100010"));
    assertTrue(value(ctStudy, "00081190").endsWith(base + "/studies/" + uid(ct, "StudyInstanceUID")));

    assertEquals(3, qido("/studies?PatientName=nguy%C3%AAn%20an&fuzzymatching=true").size());
    assertEquals(0, qido("/studies?PatientName=tran&fuzzymatching=true").size());
    assertEquals(3, qido("/studies?PatientName=NGUYEN*").size());
    assertEquals(1, qido("/studies?StudyDate=20100101-20101231").size());
    assertEquals(2, qido("/studies?StudyDate=-20101231").size());
    assertEquals(1, qido("/studies?00080020=20200101-").size());
    assertEquals(1, qido("/studies?ModalitiesInStudy=MR").size());
    assertEquals(1, qido("/studies?StudyDescription=*NAO").size());
    assertEquals(2, qido("/studies?StudyInstanceUID=" + uid(ct, "StudyInstanceUID") + "," + uid(mr, "StudyInstanceUID")).size());
    assertEquals(2, qido("/studies?limit=2").size());
    assertEquals(1, qido("/studies?limit=2&offset=2").size());
    ApiClient.BinaryResponse bad = get("/studies?NoSuchKey=1&limit=0", null);
    assertEquals(422, bad.status(), bad::toString);
    assertTrue(bad.text().contains("NoSuchKey") && bad.text().contains("limit"), bad::toString);
  }

  @Test
  @DisplayName("QIDO-RS: a study's series and instances")
  void qidoSeriesAndInstances() {
    String study = uid(rgb, "StudyInstanceUID");
    JsonArray series = qido("/studies/" + study + "/series");
    assertEquals(1, series.size());
    assertEquals(uid(rgb, "SeriesInstanceUID"), value(series.getJsonObject(0), "0020000E"));
    assertEquals("1", value(series.getJsonObject(0), "00201209"));
    JsonArray instances = qido("/studies/" + study + "/series/" + uid(rgb, "SeriesInstanceUID") + "/instances");
    assertEquals(1, instances.size());
    assertEquals("2", value(instances.getJsonObject(0), "00280008"));
    assertEquals(uid(rgb, "SOPInstanceUID"), value(instances.getJsonObject(0), "00080018"));
    assertEquals(0, qido("/studies/" + study + "/instances?SOPInstanceUID=1.2.3").size());
  }

  @Test
  @DisplayName("WADO-RS: the instance as stored, its metadata, its frames and a rendered frame; all audited")
  void wado() throws IOException {
    String path = "/studies/" + uid(ct, "StudyInstanceUID") + "/series/" + uid(ct, "SeriesInstanceUID") + "/instances/"
        + uid(ct, "SOPInstanceUID");
    int reads = server.audit().events(AuditAction.READ).size();
    ApiClient.BinaryResponse instance = get(path, "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
    assertEquals(200, instance.status(), instance::toString);
    List<byte[]> parts = parts(instance);
    assertEquals(1, parts.size());
    assertArrayEquals(DicomSamples.bytes(ct), parts.get(0));

    ApiClient.BinaryResponse meta = get(path + "/metadata", "application/dicom+json");
    assertEquals(200, meta.status(), meta::toString);
    JsonObject m = meta.array().getJsonObject(0);
    assertEquals("NGUYEN^VAN AN", value(m, "00100010"));
    assertEquals(128, m.getJsonObject("00280010").getJsonArray("Value").getInteger(0));
    assertTrue(m.getJsonObject("7FE00010").containsKey("BulkDataURI"));

    ApiClient.BinaryResponse frames = get(path + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
    assertEquals(200, frames.status(), frames::toString);
    assertEquals(128 * 128 * 2, parts(frames).get(0).length);
    assertEquals(404, get(path + "/frames/2", null).status());
    assertEquals(404, get("/studies/" + uid(ct, "StudyInstanceUID") + "/series/" + uid(mr, "SeriesInstanceUID") + "/instances/"
        + uid(ct, "SOPInstanceUID") + "/frames/1", null).status(), "an instance is found only under its own study and series");

    ApiClient.BinaryResponse jpeg = get(path + "/rendered?window=40,400", "image/jpeg");
    assertEquals(200, jpeg.status(), jpeg::toString);
    assertEquals(128, ImageIO.read(new ByteArrayInputStream(jpeg.body())).getWidth());
    ApiClient.BinaryResponse png = get("/studies/" + uid(rgb, "StudyInstanceUID") + "/series/" + uid(rgb, "SeriesInstanceUID")
        + "/instances/" + uid(rgb, "SOPInstanceUID") + "/frames/2/rendered", "image/png");
    assertEquals(200, png.status(), png::toString);
    assertEquals("image/png", png.header("Content-Type"));
    assertEquals(100, ImageIO.read(new ByteArrayInputStream(png.body())).getHeight());
    assertEquals(422, get(path + "/rendered?window=40,0", "image/jpeg").status());
    assertEquals(406, get(path, "multipart/related; type=\"application/dicom\"; transfer-syntax=1.2.840.10008.1.2.4.50").status());
    assertEquals(404, get("/studies/1.2.3/series/1.2.4/instances/1.2.5", null).status());
    assertTrue(server.audit().events(AuditAction.READ).size() >= reads + 5);
  }

  @Test
  @DisplayName("WADO-RS frames of a compressed object: as stored (RLE) when any transfer syntax is accepted, decoded otherwise")
  void compressedFrames() throws IOException {
    String path = "/studies/" + uid(rgb, "StudyInstanceUID") + "/series/" + uid(rgb, "SeriesInstanceUID") + "/instances/"
        + uid(rgb, "SOPInstanceUID");
    ApiClient.BinaryResponse stored = get(path + "/frames/2,1", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
    assertEquals(200, stored.status(), stored::toString);
    assertTrue(stored.header("Content-Type").contains("type=\"image/dicom-rle\""), stored.header("Content-Type"));
    assertTrue(new String(stored.body(), StandardCharsets.ISO_8859_1).contains("Content-Type: image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5\r\n"));
    // The frames' bitstreams as pydicom reads them from the file: the same bytes, in the order asked for.
    String[] expected = DicomSamples.run(List.of("/usr/bin/python3", "-c", "import sys, hashlib, pydicom\n"
        + "from pydicom.encaps import generate_pixel_data_frame\nds = pydicom.dcmread(sys.argv[1])\n"
        + "print(' '.join(hashlib.sha256(f).hexdigest() for f in generate_pixel_data_frame(ds.PixelData, int(ds.NumberOfFrames))))",
        rgb.toString())).trim().split(" ");
    List<byte[]> frames = parts(stored);
    assertEquals(List.of(expected[1], expected[0]), frames.stream().map(DicomWebTest::sha256).toList());

    ApiClient.BinaryResponse named = get(path + "/frames/1", "multipart/related; type=\"image/dicom-rle\"; transfer-syntax=1.2.840.10008.1.2.5");
    assertEquals(200, named.status(), named::toString);
    assertEquals(expected[0], sha256(parts(named).get(0)));
    ApiClient.BinaryResponse decoded = get(path + "/frames/1", "multipart/related; type=\"application/octet-stream\"");
    assertEquals(200, decoded.status(), decoded::toString);
    assertEquals(100 * 100 * 3, parts(decoded).get(0).length);
    assertEquals(406, get(path + "/frames/1", "multipart/related; type=\"image/jp2\"; transfer-syntax=1.2.840.10008.1.2.4.90").status());
    // An uncompressed object has nothing compressed to send: its frames stay octet-stream.
    ApiClient.BinaryResponse native_ = get("/studies/" + uid(ct, "StudyInstanceUID") + "/series/" + uid(ct, "SeriesInstanceUID")
        + "/instances/" + uid(ct, "SOPInstanceUID") + "/frames/1", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*");
    assertTrue(native_.header("Content-Type").contains("type=\"application/octet-stream\""), native_.header("Content-Type"));
    assertEquals(128 * 128 * 2, parts(native_).get(0).length);
  }

  private static String sha256(byte[] data) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("DICOMweb of a patient is refused to a clinician of another hospital")
  void strangers() {
    ApiClient stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Xa"), Role.DISTRICT_DOCTOR).api();
    ApiClient.BinaryResponse r = stranger.sendBytes("GET", base + "/studies", null, null, null);
    assertEquals(404, r.status());
    assertTrue(!r.text().contains("NGUYEN"));
  }

  /** The bodies of a multipart/related answer. */
  static List<byte[]> parts(ApiClient.BinaryResponse r) {
    String type = r.header("Content-Type");
    String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "");
    byte[] body = r.body();
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    List<byte[]> out = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), at);
      if (headersEnd < 0) break;
      int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), headersEnd);
      out.add(java.util.Arrays.copyOfRange(body, headersEnd + 4, next));
      at = next + 2;
      if (body[at + delimiter.length] == '-') break;
    }
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle, int from) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
