package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Documents on a request: stored whole with their checksum, typed, served back intact, only to those involved. */
class AttachmentTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  private static final String PDF = "%PDF-1.4\n% Kết quả xét nghiệm\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

  @Test
  @DisplayName("a PDF is stored with its SHA-256, listed on the request and downloaded byte for byte by the specialist")
  void roundTrip() throws Exception {
    JsonObject r = clinic.move(clinic.doctor.api(), clinic.draft("routine"), "submitted", null);
    ApiClient.Response up = upload(clinic.doctor.api(), r, "lab_result", "xet-nghiem máu.pdf", "application/pdf", PDF);
    JsonObject a = expect(up, 201);
    byte[] bytes = PDF.getBytes(StandardCharsets.UTF_8);
    assertEquals(AttachmentFiles.sha256(bytes), a.getString("sha256"));
    assertEquals(bytes.length, a.getLong("size"));
    Path file = clinic.server.dataDir().resolve("attachments").resolve(r.getString("id")).resolve(a.getString("id"));
    assertTrue(Files.exists(file));
    try (var dir = Files.list(file.getParent())) {
      assertFalse(dir.anyMatch(p -> p.toString().endsWith(".part")), "no half-written file is left");
    }

    JsonObject seen = expect(clinic.specialist.api().get(RequestRoutes.BASE + "/" + r.getString("id")), 200);
    assertEquals(a.getString("id"), seen.getJsonArray("attachments").getJsonObject(0).getString("id"));
    ApiClient.Response down = clinic.specialist.api().get(up.header("Location"));
    assertEquals(200, down.status());
    assertEquals("application/pdf", down.header("Content-Type"));
    assertEquals(PDF, down.body());
    assertTrue(down.header("Content-Disposition").contains("xet-nghiem%20m%C3%A1u.pdf"), down.header("Content-Disposition"));
    Problems.assertProblem(clinic.strangerDoctor.api().get(up.header("Location")), ErrorCode.CONSULTATION_NOT_FOUND);
    Problems.assertProblem(clinic.admin.api().get(up.header("Location")), ErrorCode.FORBIDDEN);
  }

  @Test
  @DisplayName("a wrong type, a body that lies about its type, a missing kind and a closed request are refused")
  void refused() {
    JsonObject r = clinic.draft("routine");
    Problems.assertProblem(upload(clinic.doctor.api(), r, "document", "a.exe", "application/octet-stream", "MZ..."), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    Problems.assertProblem(upload(clinic.doctor.api(), r, "document", "a.pdf", "application/pdf", "not a pdf"), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    Problems.assertFieldError(upload(clinic.doctor.api(), r, "x-ray", "a.pdf", "application/pdf", PDF), "/kind");
    Problems.assertProblem(upload(clinic.strangerDoctor.api(), r, "document", "a.pdf", "application/pdf", PDF), ErrorCode.CONSULTATION_NOT_FOUND);
    JsonObject cancelled = clinic.move(clinic.doctor.api(), r, "cancelled", "Nhầm bệnh nhân");
    Problems.assertProblem(upload(clinic.doctor.api(), cancelled, "document", "a.pdf", "application/pdf", PDF), ErrorCode.TRANSITION_NOT_ALLOWED);
    assertFalse(Files.exists(clinic.server.dataDir().resolve("attachments").resolve(r.getString("id")))
        && clinic.server.dataDir().resolve("attachments").resolve(r.getString("id")).toFile().list().length > 0,
        "a refused upload leaves no file");
  }

  private static ApiClient.Response upload(ApiClient api, JsonObject r, String kind, String name, String type, String body) {
    return api.send("POST", RequestRoutes.BASE + "/" + r.getString("id") + "/attachments?kind=" + kind + "&fileName="
        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), body, type);
  }
}
