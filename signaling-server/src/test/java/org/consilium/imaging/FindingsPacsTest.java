package org.consilium.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.testdata.DicomSamples;
import org.consilium.testing.OrthancPeer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The SR and SEG of accepted findings reach the hospital PACS (a real Orthanc) by C-STORE, with their source image. */
class FindingsPacsTest {

  @Test
  @DisplayName("C-STORE of the source image, SR and SEG to Orthanc succeeds, and Orthanc then holds all three")
  void sentToOrthanc() {
    try (OrthancPeer orthanc = OrthancPeer.start(PacsPullProbe.AE, PacsPullProbe.SCP_PORT)) {
      String out = DicomSamples.run(orthanc.inNamespace(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), FindingsPacsProbe.class.getName(), Integer.toString(orthanc.dicomPort()))));
      String send = line(out, "RESULT send ");
      assertTrue(send.startsWith("200 "), out);
      JsonArray results = new JsonObject(send.substring(4)).getJsonArray("results");
      assertEquals(3, results.size(), send);
      for (Object o : new JsonArray(line(out, "RESULT uids "))) {
        JsonArray found = orthanc.qido("instances?SOPInstanceUID=" + o);
        assertEquals(1, found.size(), () -> "Orthanc lacks " + o + ": " + found.encode());
      }
      String classes = orthanc.qido("instances?includefield=00080016").encode();
      assertTrue(classes.contains("1.2.840.10008.5.1.4.1.1.88.33") && classes.contains("1.2.840.10008.5.1.4.1.1.66.4"), classes);
    }
  }

  private static String line(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()))
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + out));
  }
}
