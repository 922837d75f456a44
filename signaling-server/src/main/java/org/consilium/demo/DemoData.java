package org.consilium.demo;

import java.util.List;

/**
 * The demonstration clinic: invented hospitals, staff and patients, with valid Vietnamese identifiers.
 * Accounts and their password are listed in docs/demo.md; never enable demo data on a real deployment.
 */
final class DemoData {

  /** The one password of every demo account except admin (whose password is ADMIN_PASSWORD). */
  static final String PASSWORD = "Demo-Consilium-2026";

  record Hospital(String code, String name, String level, String province) {
  }

  record Staff(String username, String displayName, String role, String hospitalCode, String specialty) {
    String email() {
      return username.replace('.', '-') + "@demo.consilium.invalid";
    }
  }

  record Patient(String fullName, String birthDate, String sex, String citizenId, String insuranceNumber,
                 String phone, String address, String medicalRecordNumber, String registeredBy) {
  }

  static final List<Hospital> HOSPITALS = List.of(
      new Hospital("TWTL", "Bệnh viện Trung ương Thăng Long", "central", "Hà Nội"),
      new Hospital("DKSH", "Trung tâm Y tế huyện Sơn Hà", "district", "Phú Thọ"),
      new Hospital("DKTP", "Bệnh viện Đa khoa tỉnh Phú Thọ", "provincial", "Phú Thọ"));

  static final List<Staff> STAFF = List.of(
      new Staff("dieuphoi", "CN. Phạm Thu Hà", "administrator", "TWTL", null),
      new Staff("bs.lan", "BS. Nguyễn Thị Lan", "district_doctor", "DKSH", "Nội tổng hợp"),
      new Staff("bs.hung", "BS. Trần Văn Hùng", "district_doctor", "DKSH", "Ngoại tổng hợp"),
      new Staff("ts.minh", "TS.BS. Lê Quang Minh", "specialist", "TWTL", "Tiêu hóa"),
      new Staff("pgs.thao", "PGS.TS. Đỗ Phương Thảo", "specialist", "TWTL", "Chẩn đoán hình ảnh"),
      new Staff("bs.quang", "BS.CKII. Vũ Đức Quang", "specialist", "TWTL", "Ung bướu"),
      new Staff("bs.nga", "BS. Hoàng Thị Nga", "endoscopist", "TWTL", "Nội soi tiêu hóa"));

  static final List<Patient> PATIENTS = List.of(
      new Patient("Nguyễn Văn An", "1965-03-14", "male", "025065001234", "GD4251234567890", "0912345678",
          "Xã Sơn Hà, huyện Sơn Hà, Phú Thọ", "SH-2026-0001", "bs.lan"),
      new Patient("Trần Thị Bích", "1972-11-02", "female", "025172004321", "HT3250987654321", "0987654321",
          "Thị trấn Sơn Hà, Phú Thọ", "SH-2026-0002", "bs.lan"),
      new Patient("Lê Đức Cường", "1958-07-21", "male", "025058007788", "CK2251122334455", null,
          "Xã Tân Lập, huyện Sơn Hà, Phú Thọ", "SH-2026-0003", "bs.hung"),
      new Patient("Phạm Thị Dung", "2001-05-30", "female", "025301002468", "0123456789", "0901234567",
          "Xã Hương Sơn, huyện Sơn Hà, Phú Thọ", "SH-2026-0004", "bs.hung"));

  /** The demo consultation request (a draft body). */
  static io.vertx.core.json.JsonObject consultation(String patientId, String hospitalId) {
    return new io.vertx.core.json.JsonObject().put("patientId", patientId).put("targetHospitalId", hospitalId)
        .put("urgency", "routine").put("specialty", "Tiêu hóa")
        .put("reason", "Đau thượng vị kéo dài, sụt cân, cần ý kiến chuyên khoa tiêu hóa")
        .put("clinicalSummary", "Nam 61 tuổi, đau thượng vị 2 tháng, sụt 4 kg; nội soi tại huyện: ổ loét bờ cong nhỏ 1,5 cm")
        .put("question", "Cần sinh thiết lại và nội soi siêu âm không?");
  }

  /** Next Tuesday 09:00-10:00 in Viet Nam, chaired by {@code moderatorId}. */
  static io.vertx.core.json.JsonObject session(String requestId, String moderatorId, String specialistId) {
    java.time.ZonedDateTime t = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1)
        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY)).withHour(9).withMinute(0).withSecond(0).withNano(0);
    return new io.vertx.core.json.JsonObject().put("requestIds", new io.vertx.core.json.JsonArray().add(requestId))
        .put("start", t.toOffsetDateTime().toString()).put("durationMinutes", 60).put("moderatorId", moderatorId)
        .put("specialistIds", new io.vertx.core.json.JsonArray().add(specialistId)).put("place", "Phòng hội chẩn trực tuyến");
  }

  private DemoData() {
  }
}
