package org.consilium.consultations;

import static org.consilium.consultations.Clinic.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Circular 49 minutes: the chair writes, signs (frozen), amends as a new edition; the PDF keeps the Vietnamese. */
class MinutesTest {

  @RegisterExtension
  static final Clinic clinic = new Clinic();

  private static final String CONCLUSION = "Ung thư biểu mô tuyến phổi phải, giai đoạn IIA (cT2aN0M0)";
  private static final String TREATMENT = "Phẫu thuật cắt thùy trên phổi phải, nạo vét hạch; hóa trị bổ trợ tùy kết quả giải phẫu bệnh";

  @Test
  @DisplayName("the chair writes during the session, signs after it; signed minutes are frozen and the request is signed")
  void writeSignAmend() throws Exception {
    JsonObject r = clinic.accepted("routine");
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, Clinic.plan(new JsonArray().add(r.getString("id")),
        Clinic.nextMonday(8, 0).plusDays(4), Duration.ofMinutes(60), clinic.specialist.userId(), clinic.specialist2.userId())), 201);
    String path = RequestRoutes.BASE + "/" + r.getString("id") + "/minutes";
    ApiClient chair = clinic.specialist.api();
    Problems.assertProblem(chair.put(path, body(0, "Thảo luận")), ErrorCode.TRANSITION_NOT_ALLOWED);
    String sessionPath = SessionRoutes.BASE + "/" + s.getString("id");
    JsonObject open = expect(chair.post(sessionPath + "/open", new JsonObject().put("version", s.getLong("version"))), 200);

    JsonObject blank = expect(clinic.doctor.api().get(path), 200);
    assertEquals(0, blank.getLong("version"));
    assertEquals("chair", blank.getJsonArray("participants").getJsonObject(0).getString("role"));
    assertEquals("Bệnh viện Bạch Mai", blank.getJsonArray("participants").getJsonObject(0).getString("hospital"));
    assertTrue(blank.getString("patientSummary").contains("CT ngực"), "prefilled from the request");

    Problems.assertProblem(clinic.specialist2.api().put(path, body(0, "không phải chủ tọa")), ErrorCode.FORBIDDEN);
    JsonObject saved = expect(chair.put(path, body(0, "Khối u ngoại vi, chưa xâm lấn màng phổi; đồng thuận phẫu thuật")), 200);
    assertEquals(1, saved.getLong("version"));
    Problems.assertProblem(chair.put(path, body(0, "cũ")), ErrorCode.PRECONDITION_FAILED);
    Problems.assertProblem(chair.post(path + "/sign", new JsonObject().put("version", 1)), ErrorCode.TRANSITION_NOT_ALLOWED);
    Problems.assertProblem(clinic.admin.api().get(path), ErrorCode.FORBIDDEN);

    expect(chair.post(sessionPath + "/conclude", new JsonObject().put("version", open.getLong("version"))), 200);
    JsonObject signed = expect(chair.post(path + "/sign", new JsonObject().put("version", 1)), 200);
    assertEquals("signed", signed.getString("state"));
    assertEquals("signed", expect(clinic.doctor.api().get(RequestRoutes.BASE + "/" + r.getString("id")), 200).getString("status"));
    JsonObject refused = Problems.assertProblem(chair.put(path, body(signed.getLong("version"), "sửa sau khi ký")), ErrorCode.MINUTES_SIGNED);
    assertTrue(refused.getString("detail").contains("new edition"), refused::encode);

    String text = pdfText(path + "/pdf", clinic.doctor.api());
    for (String expected : new String[] {"BIÊN BẢN HỘI CHẨN", "Lê Thị Hồng Nhung", CONCLUSION, "Hướng điều trị tiếp", "Chủ tọa",
        "Bệnh viện Bạch Mai", "Khối u ngoại vi, chưa xâm lấn màng phổi", "đã ký"}) {
      assertTrue(nfc(text).contains(nfc(expected)), () -> "PDF lacks '" + expected + "':\n" + text);
    }

    JsonObject second = expect(chair.post(path + "/editions", null), 201);
    assertEquals(2, second.getInteger("edition"));
    assertEquals("draft", second.getString("state"));
    expect(chair.put(path, body(second.getLong("version"), "Bổ sung: kết quả PET-CT không có di căn xa")), 200);
    JsonObject first = expect(chair.get(path + "?edition=1"), 200);
    assertEquals("signed", first.getString("state"));
    assertEquals("Khối u ngoại vi, chưa xâm lấn màng phổi; đồng thuận phẫu thuật", first.getString("discussion"));
    assertTrue(nfc(pdfText(path + "/pdf", chair)).contains(nfc("Lần 2")));
  }

  @Test
  @DisplayName("a save whose audit record fails is undone; the PDF embeds DejaVu Sans")
  void embedsFont() throws Exception {
    assertTrue(java.nio.file.Files.isReadable(MinutesPdf.FONT), "fonts-dejavu-core is installed");
    JsonObject r = clinic.accepted("urgent");
    JsonObject s = expect(clinic.admin.api().post(SessionRoutes.BASE, Clinic.plan(new JsonArray().add(r.getString("id")),
        Clinic.nextMonday(16, 0).plusDays(2), Duration.ofMinutes(30), clinic.specialist2.userId())), 201);
    expect(clinic.specialist2.api().post(SessionRoutes.BASE + "/" + s.getString("id") + "/open", new JsonObject().put("version", s.getLong("version"))), 200);
    String path = RequestRoutes.BASE + "/" + r.getString("id") + "/minutes";
    expect(clinic.specialist2.api().get(RequestRoutes.BASE + "/" + r.getString("id")), 200); // the care grant exists before the audit fails
    clinic.server.audit().failing(true);
    try {
      Problems.assertProblem(clinic.specialist2.api().put(path, body(0, "chưa ghi nhật ký")), ErrorCode.AUDIT_UNAVAILABLE);
    } finally {
      clinic.server.audit().failing(false);
    }
    assertEquals(0, expect(clinic.specialist2.api().get(path), 200).getLong("version"), "a save that could not be audited is undone");
    expect(clinic.specialist2.api().put(path, body(0, "Ý kiến")), 200);
    try (PDDocument doc = Loader.loadPDF(bytes(path + "/pdf", clinic.specialist2.api()))) {
      PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
      assertTrue(font.getName().contains("DejaVuSans"), font.getName());
      assertTrue(font.isEmbedded());
    }
  }

  private static JsonObject body(long version, String discussion) {
    return new JsonObject().put("version", version).put("patientSummary", "Nam 63 tuổi, ho kéo dài, CT ngực khối 3 cm")
        .put("discussion", discussion).put("conclusion", CONCLUSION).put("treatmentRecommendation", TREATMENT);
  }

  private static String pdfText(String path, ApiClient api) throws Exception {
    try (PDDocument doc = Loader.loadPDF(bytes(path, api))) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static byte[] bytes(String path, ApiClient api) {
    ApiClient.BinaryResponse pdf = api.sendBytes("GET", path, null, null, null);
    assertEquals(200, pdf.status(), pdf::toString);
    assertEquals("application/pdf", pdf.header("Content-Type"));
    return pdf.body();
  }

  private static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
