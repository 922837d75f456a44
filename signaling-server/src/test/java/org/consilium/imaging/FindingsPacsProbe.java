package org.consilium.imaging;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;

/**
 * A Consilium server inside Orthanc's network namespace (started by {@link FindingsPacsTest}): writes the SR and
 * SEG of accepted findings and sends them, with their source image, to the PACS over the API. Prints the answers
 * on lines starting with "RESULT ".
 */
public final class FindingsPacsProbe {

  private FindingsPacsProbe() {
  }

  public static void main(String[] args) {
    int pacsPort = Integer.parseInt(args[0]);
    try (TestServer server = TestServer.create().with("AI_MODELS_DIR", Path.of("..", "models").toString())
        .with("PACS_HOST", "127.0.0.1").with("PACS_PORT", Integer.toString(pacsPort)).with("PACS_AE_TITLE", "ORTHANC").start()) {
      ApiClient endoscopist = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST).api();
      AcceptedFindings findings = AcceptedFindings.prepare(endoscopist, ImagingApiTest.newPatient(endoscopist).id());
      JsonObject written = findings.write(endoscopist).json();
      JsonArray uids = new JsonArray().add(findings.sourceUid())
          .add(written.getJsonObject("measurementReport").getString("sopInstanceUid"))
          .add(written.getJsonObject("segmentation").getString("sopInstanceUid"));
      ApiClient.Response sent = endoscopist.post("/api/patients/" + findings.patientId() + "/imaging/pacs-sends",
          new JsonObject().put("sopInstanceUids", uids));
      System.out.println("RESULT send " + sent.status() + " " + sent.body());
      System.out.println("RESULT uids " + uids.encode());
    }
    System.exit(0);
  }
}
