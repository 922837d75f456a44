package org.consilium.imaging;

import static org.consilium.testdata.PatientData.aPatient;

import io.vertx.core.json.JsonObject;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;

/**
 * A Consilium server inside Orthanc's network namespace (started by {@link OrthancPacsTest} with
 * {@code ip netns exec}): registers the patient, pulls its studies from the PACS over the API, and prints the
 * answers on lines starting with "RESULT ".
 */
public final class PacsPullProbe {

  static final int SCP_PORT = 11112;
  static final String AE = "CONSILIUM";

  private PacsPullProbe() {
  }

  public static void main(String[] args) {
    int pacsPort = Integer.parseInt(args[0]);
    String recordNumber = args[1];
    try (TestServer server = TestServer.create().with("DICOM_SCP_ENABLED", "true").with("DICOM_SCP_PORT", Integer.toString(SCP_PORT))
        .with("DICOM_AE_TITLE", AE).with("PACS_HOST", "127.0.0.1").with("PACS_PORT", Integer.toString(pacsPort))
        .with("PACS_AE_TITLE", "ORTHANC").start()) {
      ApiClient doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR).api();
      JsonObject p = aPatient().named("Nguyễn Văn An").born(1970, 5, 20).sex("male").with("medicalRecordNumber", recordNumber).create(doctor);
      ApiClient.Response pull = doctor.post("/api/patients/" + p.getString("id") + "/imaging/pacs-pulls", new JsonObject());
      System.out.println("RESULT pull " + pull.status() + " " + pull.body());
      ApiClient.Response again = doctor.post("/api/patients/" + p.getString("id") + "/imaging/pacs-pulls", new JsonObject());
      System.out.println("RESULT again " + again.status() + " " + again.body());
      ApiClient.Response studies = doctor.get("/api/patients/" + p.getString("id") + "/dicomweb/studies");
      System.out.println("RESULT studies " + studies.status() + " " + studies.body());
    }
    System.exit(0);
  }
}
