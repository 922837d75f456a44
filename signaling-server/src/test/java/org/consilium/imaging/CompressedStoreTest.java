package org.consilium.imaging;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.DicomSamples;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;

/** The C-STORE listener takes compressed objects as dcmtk's storescu sends them, and stores them as received. */
class CompressedStoreTest {

  private static String value(JsonObject attributes, String tag) {
    return attributes.getJsonObject(tag).getJsonArray("Value").getString(0);
  }

  @Test
  @DisplayName("storescu sends JPEG baseline, JPEG lossless, RLE and JPEG 2000 objects; each is stored in its own transfer syntax")
  void compressedTransferSyntaxes() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (TestServer server = TestServer.create().with("DICOM_SCP_ENABLED", "true").with("DICOM_SCP_PORT", Integer.toString(port))
        .with("DICOM_AE_TITLE", "CONSILIUM_C").start()) {
      ApiClient doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST).api();
      JsonObject p = aPatient().named("Lê Thị Hoa").born(1985, 3, 2).sex("female").create(doctor);
      String cccd = p.getString("citizenId");
      Path ct = DicomSamples.forPatient("CT_small.dcm", cccd, "LE^THI HOA", "19850302", "F");
      Path lossless = Files.createTempFile("jpeg-lossless", ".dcm");
      DicomSamples.run(List.of("dcmcjpeg", "+e1", "+ua", ct.toString(), lossless.toString()));
      List<List<String>> sent = List.of(
          List.of(DicomSamples.forPatient("SC_rgb_jpeg_dcmtk.dcm", cccd, "LE^THI HOA", "19850302", "F").toString(), "1.2.840.10008.1.2.4.50", "--propose-jpeg8"),
          List.of(lossless.toString(), "1.2.840.10008.1.2.4.70", "--propose-lossless"),
          List.of(DicomSamples.forPatient("MR_small_RLE.dcm", cccd, "LE^THI HOA", "19850302", "F").toString(), "1.2.840.10008.1.2.5", "--propose-rle"),
          List.of(DicomSamples.forPatient("MR_small_jp2klossless.dcm", cccd, "LE^THI HOA", "19850302", "F").toString(), "1.2.840.10008.1.2.4.90", "--propose-j2k-lossless"));
      for (List<String> file : sent) {
        // Proposes the file's compressed syntax only, as a modality that cannot decompress does.
        String out = DicomSamples.run(List.of("storescu", "-v", file.get(2), "-aet", "MODALITY1", "-aec", "CONSILIUM_C", "127.0.0.1",
            Integer.toString(port), file.get(0)));
        assertTrue(out.contains("Received Store Response (Success)"), out);
      }
      JsonArray studies = doctor.sendBytes("GET", "/api/patients/" + p.getString("id") + "/dicomweb/studies", null, null, null).array();
      List<String> paths = new java.util.ArrayList<>();
      for (Object o : studies) {
        String study = value((JsonObject) o, "0020000D");
        String base = "/api/patients/" + p.getString("id") + "/dicomweb/studies/" + study;
        for (Object i : doctor.sendBytes("GET", base + "/instances", null, null, "application/dicom+json").array()) {
          paths.add(base + "/series/" + value((JsonObject) i, "0020000E") + "/instances/" + value((JsonObject) i, "00080018"));
        }
      }
      assertEquals(4, paths.size(), studies::encode);
      for (List<String> file : sent) {
        // WADO-RS answers a named transfer syntax only when the object is stored in it (no transcoding).
        long inThatSyntax = paths.stream().filter(path -> doctor.sendBytes("GET", path, null, null,
            "multipart/related; type=\"application/dicom\"; transfer-syntax=" + file.get(1)).status() == 200).count();
        assertEquals(1, inThatSyntax, () -> file.get(1) + " not stored as sent");
      }
      assertTrue(server.audit().events().stream().noneMatch(e -> e.outcome().name().equals("FAILED") && e.actorName() != null
          && e.actorName().startsWith("dicom:")), () -> "refused: " + server.audit().events());
    }
  }
}
