package org.consilium.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.OrthancPeer;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Orthanc as the hospital PACS: the same files answer the same QIDO-RS, and a patient's studies can be pulled. */
class OrthancPacsTest {

  private static OrthancPeer orthanc;
  private static TestServer server;
  private static ImagingApiTest.TestPatient patient;
  private static List<Path> files;
  /** In the PACS under the patient's record number but with another name: the pull must refuse it. */
  private static String misfiledStudy;

  @BeforeAll
  static void start() {
    orthanc = OrthancPeer.start(PacsPullProbe.AE, PacsPullProbe.SCP_PORT);
    server = TestServer.create().start();
    ApiClient doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
    patient = ImagingApiTest.newPatient(doctor);
    files = List.of(patient.sample("CT_small.dcm", "(0008,0020)=20040119", "(0008,1030)=CT NGUC"),
        patient.sample("MR_small.dcm", "(0008,0020)=20100315", "(0008,1030)=MRI SO NAO"),
        patient.sample("SC_rgb_rle_2frame.dcm", "(0008,0020)=20200101"));
    List<Path> withOther = new ArrayList<>(files);
    withOther.add(DicomSamples.forPatient("MR_small.dcm", "SOMEONE-ELSE", "TRAN^THI BINH", "19600101", "F"));
    Path misfiled = patient.sample("CT_small.dcm", "(0010,0010)=PHAM^VAN TUAN", "(0008,1030)=CT GHI NHAM");
    misfiledStudy = uidOf(misfiled, "StudyInstanceUID");
    withOther.add(misfiled);
    orthanc.store(withOther);
    ApiClient.BinaryResponse stow = doctor.sendBytes("POST", "/api/patients/" + patient.id() + "/imaging/uploads", zip(files),
        "application/zip", null);
    assertEquals(200, stow.status(), stow::toString);
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (orthanc != null) orthanc.close();
  }

  @Test
  @DisplayName("QIDO-RS answers equal Orthanc's for the same files at study, series and instance level")
  void sameAnswersAsOrthanc() {
    ApiClient api = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
    String base = "/api/patients/" + patient.id() + "/dicomweb/";
    compare(withoutMisfiled(orthanc.qido("studies?PatientID=" + patient.recordNumber() + "&includefield=00081030")), ours(api, base + "studies"),
        List.of("0020000D", "00080020", "00081030", "00100010", "00100020", "00100030", "00100040", "00201206", "00201208", "00080061"));
    for (Path f : files) {
      String study = uidOf(f, "StudyInstanceUID");
      compare(orthanc.qido("studies/" + study + "/series"), ours(api, base + "studies/" + study + "/series"),
          List.of("0020000E", "00080060", "00200011", "00201209"));
      String series = uidOf(f, "SeriesInstanceUID");
      compare(orthanc.qido("studies/" + study + "/series/" + series + "/instances"),
          ours(api, base + "studies/" + study + "/series/" + series + "/instances"), List.of("00080016", "00080018", "00200013"));
    }
    compare(orthanc.qido("studies?PatientID=" + patient.recordNumber() + "&StudyDate=20050101-20151231"),
        ours(api, base + "studies?StudyDate=20050101-20151231"), List.of("0020000D"));
  }

  @Test
  @DisplayName("a patient's studies are pulled from the PACS by C-FIND then C-MOVE, and only that patient's: a misfiled study is refused and its C-MOVE reports the failure; pulling again moves only what is missing")
  void pullFromPacs() {
    List<String> cmd = orthanc.inNamespace(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), PacsPullProbe.class.getName(), Integer.toString(orthanc.dicomPort()), patient.recordNumber()));
    String out = DicomSamples.run(cmd);
    String pull = line(out, "RESULT pull ");
    assertTrue(pull.startsWith("200 "), out);
    JsonArray pulled = new JsonObject(pull.substring(4)).getJsonArray("studies");
    assertEquals(4, pulled.size(), pull);
    for (Object o : pulled) {
      JsonObject s = (JsonObject) o;
      if (misfiledStudy.equals(s.getString("studyInstanceUid"))) {
        assertTrue(s.getInteger("moveStatus") != 0, () -> "our C-STORE refusal reaches the PACS's C-MOVE status: " + s.encode());
        assertEquals(0, s.getLong("storedInstances"), s::encode);
      } else {
        assertEquals(0, s.getInteger("moveStatus"), s::encode);
        assertEquals(s.getInteger("pacsInstances").longValue(), s.getLong("storedInstances"), s::encode);
      }
    }
    // Pulling again moves only what is not complete here: the misfiled study is asked for (and refused) again.
    String again = line(out, "RESULT again ");
    assertTrue(again.startsWith("200 "), out);
    for (Object o : new JsonObject(again.substring(4)).getJsonArray("studies")) {
      JsonObject s = (JsonObject) o;
      boolean misfiled = misfiledStudy.equals(s.getString("studyInstanceUid"));
      assertEquals(!misfiled, s.getBoolean("alreadyStored"), s::encode);
      assertEquals(misfiled, s.getValue("moveStatus") != null, s::encode);
    }
    String studies = line(out, "RESULT studies ");
    assertEquals(3, new JsonArray(studies.substring(4)).size(), studies);
  }

  private static JsonArray withoutMisfiled(JsonArray studies) {
    return new JsonArray(studies.stream().filter(o -> !values((JsonObject) o, "0020000D").equals(misfiledStudy)).toList());
  }

  private static String line(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()))
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + out));
  }

  private static JsonArray ours(ApiClient api, String path) {
    ApiClient.BinaryResponse r = api.sendBytes("GET", path, null, null, "application/dicom+json");
    assertEquals(200, r.status(), r::toString);
    return r.array();
  }

  /** Same objects (by their first tag, a UID) with the same values of {@code tags}. */
  private static void compare(JsonArray theirs, JsonArray ours, List<String> tags) {
    assertEquals(theirs.size(), ours.size(), () -> "Orthanc " + theirs.encode() + "\nours " + ours.encode());
    List<JsonObject> a = sorted(theirs, tags.get(0));
    List<JsonObject> b = sorted(ours, tags.get(0));
    for (int i = 0; i < a.size(); i++) {
      for (String tag : tags) {
        String expected = values(a.get(i), tag);
        String actual = values(b.get(i), tag);
        assertEquals(expected, actual, "tag " + tag + "\nOrthanc " + a.get(i).encode() + "\nours " + b.get(i).encode());
      }
    }
  }

  private static List<JsonObject> sorted(JsonArray array, String tag) {
    return array.stream().map(JsonObject.class::cast).sorted(Comparator.comparing(o -> values(o, tag))).toList();
  }

  /** The attribute's values as text ("" when absent or empty), numbers and names alike. */
  private static String values(JsonObject o, String tag) {
    JsonObject attr = o.getJsonObject(tag);
    if (attr == null || attr.getJsonArray("Value") == null) return "";
    List<String> out = new ArrayList<>();
    for (Object v : attr.getJsonArray("Value")) out.add(v instanceof JsonObject pn ? pn.getString("Alphabetic") : String.valueOf(v));
    return String.join("\\", out);
  }

  private static String uidOf(Path file, String keyword) {
    String out = DicomSamples.run(List.of("dcmdump", "+P", keyword, file.toString()));
    return out.substring(out.indexOf('[') + 1, out.indexOf(']'));
  }

  private static byte[] zip(List<Path> files) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
      for (Path f : files) {
        z.putNextEntry(new java.util.zip.ZipEntry(f.getFileName().toString()));
        z.write(DicomSamples.bytes(f));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
