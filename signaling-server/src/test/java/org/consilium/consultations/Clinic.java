package org.consilium.consultations;

import static org.consilium.testdata.PatientData.aPatient;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The people of a consultation test: a district hospital (its doctor and a patient), a central hospital
 * (two specialists, an administrator), another district hospital's doctor who must see nothing, and a
 * specialist of a second central hospital. Register it: {@code @RegisterExtension static final Clinic clinic = new Clinic();}
 */
final class Clinic implements BeforeAllCallback, AfterAllCallback {

  static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

  TestServer server;
  String districtId;
  String centralId;
  String otherCentralId;
  Staff doctor;
  Staff strangerDoctor;
  Staff specialist;
  Staff specialist2;
  Staff admin;
  Staff outsideSpecialist;
  JsonObject patient;

  /** A fresh server with the clinic's people, once per test class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestServer.create().start();
    districtId = server.testHospitalId();
    centralId = Staff.newHospital(server, "Bệnh viện Bạch Mai");
    otherCentralId = Staff.newHospital(server, "Bệnh viện Chợ Rẫy");
    String otherDistrict = server.createHospital("HUYEN" + System.nanoTime() % 100_000, "Trung tâm Y tế huyện Mê Linh", "district").getString("id");
    doctor = Staff.in(server, districtId, Role.DISTRICT_DOCTOR);
    strangerDoctor = Staff.in(server, otherDistrict, Role.DISTRICT_DOCTOR);
    specialist = Staff.in(server, centralId, Role.SPECIALIST);
    specialist2 = Staff.in(server, centralId, Role.SPECIALIST);
    admin = Staff.in(server, centralId, Role.ADMINISTRATOR);
    outsideSpecialist = Staff.in(server, otherCentralId, Role.SPECIALIST);
    patient = aPatient().named("Lê Thị Hồng Nhung").born(1962, 11, 3).sex("female").create(doctor.api());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  JsonObject requestBody(String urgency) {
    return new JsonObject().put("patientId", patient.getString("id")).put("targetHospitalId", centralId)
        .put("urgency", urgency).put("specialty", "Ung bướu")
        .put("reason", "Khối u phổi phải, cần ý kiến hội chẩn")
        .put("clinicalSummary", "Ho kéo dài 3 tháng, sụt 5 kg; CT ngực: khối 3 cm thùy trên phổi phải")
        .put("question", "Chỉ định sinh thiết hay phẫu thuật?");
  }

  /** A draft request by the district doctor. */
  JsonObject draft(String urgency) {
    return expect(doctor.api().post(RequestRoutes.BASE, requestBody(urgency)), 201);
  }

  JsonObject move(ApiClient api, JsonObject request, String to, String reason) {
    return expect(transition(api, request, to, reason), 200);
  }

  ApiClient.Response transition(ApiClient api, JsonObject request, String to, String reason) {
    JsonObject body = new JsonObject().put("to", to).put("version", request.getLong("version"));
    if (reason != null) body.put("reason", reason);
    return api.post(RequestRoutes.BASE + "/" + request.getString("id") + "/transitions", body);
  }

  /** A request accepted by the first specialist. */
  JsonObject accepted(String urgency) {
    JsonObject submitted = move(doctor.api(), draft(urgency), "submitted", null);
    return move(specialist.api(), submitted, "accepted", null);
  }

  /** The next Monday in clinic time at hh:mm, at least a week ahead. */
  static ZonedDateTime nextMonday(int hour, int minute) {
    ZonedDateTime t = ZonedDateTime.now(HCM).plusWeeks(1).withHour(hour).withMinute(minute).withSecond(0).withNano(0);
    while (t.getDayOfWeek() != java.time.DayOfWeek.MONDAY) t = t.plusDays(1);
    return t;
  }

  static JsonObject plan(JsonArray requestIds, ZonedDateTime start, Duration length, String moderator, String... specialists) {
    JsonObject p = new JsonObject().put("start", start.toOffsetDateTime().toString()).put("durationMinutes", length.toMinutes())
        .put("moderatorId", moderator).put("specialistIds", new JsonArray(java.util.List.of(specialists)))
        .put("place", "Phòng hội chẩn trực tuyến số 2");
    if (requestIds != null) p.put("requestIds", requestIds);
    return p;
  }

  static JsonObject expect(ApiClient.Response resp, int status) {
    if (resp.status() != status) throw new AssertionError("expected " + status + ", got " + resp);
    return resp.json();
  }
}
