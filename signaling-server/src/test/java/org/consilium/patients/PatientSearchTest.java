package org.consilium.patients;

import static org.consilium.testdata.PatientData.aPatient;
import static org.consilium.testing.Problems.assertFieldError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/patients: by name without diacritics, by identifiers, by birth date; paged; only visible patients. */
class PatientSearchTest {

  private static TestServer server;
  private static Staff doctor;
  private static JsonObject nguyenVanAnh;
  private static JsonObject nguyenThiAnh;
  private static JsonObject dangDuc;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    doctor = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
    nguyenVanAnh = aPatient().named("Nguyễn Văn Ánh").born(1961, 5, 19).sex("male")
        .with("insuranceNumber", "HC4010000012345").create(doctor.api());
    nguyenThiAnh = aPatient().named("Nguyễn Thị Ánh").born(1965, 2, 3).sex("female").create(doctor.api());
    dangDuc = aPatient().named("ĐẶNG Đức Thắng").born(1961, 5, 19).sex("male").with("insuranceNumber", "0200000067").create(doctor.api());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "name={0} finds Nguyễn Văn Ánh")
  @ValueSource(strings = {"Nguyen Van Anh", "nguyen van anh", "NGUYỄN VĂN ÁNH", "Nguyễn", "ngu va", "anh van", "Nguyen-Van"})
  void nameWithoutDiacritics(String query) {
    assertTrue(ids(search("name=" + enc(query))).contains(nguyenVanAnh.getString("id")), query);
  }

  @Test
  @DisplayName("every word must prefix a word of the name")
  void wordPrefixes() {
    assertEquals(List.of(nguyenThiAnh.getString("id"), nguyenVanAnh.getString("id")), ids(search("name=nguyen+anh")));
    assertEquals(List.of(nguyenVanAnh.getString("id")), ids(search("name=nguyen+van")));
    assertEquals(List.of(), ids(search("name=guyen")));
    assertEquals(List.of(), ids(search("name=nguyen+van+binh")));
  }

  @Test
  @DisplayName("đ and Đ are found as d")
  void dStroke() {
    assertEquals(List.of(dangDuc.getString("id")), ids(search("name=dang+duc")));
    assertEquals(List.of(dangDuc.getString("id")), ids(search("name=" + enc("đặng đức"))));
  }

  @Test
  @DisplayName("by citizen ID, by insurance number in either form, by birth date")
  void byIdentifiers() {
    assertEquals(List.of(nguyenThiAnh.getString("id")), ids(search("citizenId=" + nguyenThiAnh.getString("citizenId"))));
    assertEquals(List.of(nguyenVanAnh.getString("id")), ids(search("insuranceNumber=hc4010000012345")));
    // The card code and the bare social insurance number name the same person.
    assertEquals(List.of(nguyenVanAnh.getString("id")), ids(search("insuranceNumber=0000012345")));
    assertEquals(List.of(dangDuc.getString("id")), ids(search("insuranceNumber=TE1790200000067")));
    assertEquals(List.of(dangDuc.getString("id"), nguyenVanAnh.getString("id")), ids(search("birthDate=1961-05-19")));
    assertEquals(List.of(nguyenVanAnh.getString("id")), ids(search("birthDate=1961-05-19&name=nguyen")));
  }

  @Test
  @DisplayName("results are paged with limit and offset, with the total")
  void paging() {
    JsonObject first = search("name=nguyen&limit=1");
    assertEquals(2, first.getLong("total"));
    assertEquals(1, first.getInteger("limit"));
    assertEquals(List.of(nguyenThiAnh.getString("id")), ids(first));
    assertEquals(List.of(nguyenVanAnh.getString("id")), ids(search("name=nguyen&limit=1&offset=1")));
    assertEquals(List.of(), ids(search("name=nguyen&limit=1&offset=2")));
  }

  @Test
  @DisplayName("bad criteria and unknown parameters are refused, each named")
  void badCriteria() {
    assertFieldError(doctor.api().get("/api/patients?citizenId=123"), "/citizenId");
    assertFieldError(doctor.api().get("/api/patients?insuranceNumber=XYZ"), "/insuranceNumber");
    assertFieldError(doctor.api().get("/api/patients?birthDate=19-05-1961"), "/birthDate");
    assertFieldError(doctor.api().get("/api/patients?limit=0"), "/limit");
    assertFieldError(doctor.api().get("/api/patients?limit=101"), "/limit");
    assertFieldError(doctor.api().get("/api/patients?offset=-1"), "/offset");
    assertFieldError(doctor.api().get("/api/patients?nmae=nguyen"), "/nmae");
    assertFieldError(doctor.api().get("/api/patients?name=a&name=b"), "/name");
    assertFieldError(doctor.api().get("/api/patients?name=" + enc("?!")), "/name");
  }

  @Test
  @DisplayName("patients of another hospital are not in the results")
  void otherHospitalsPatientsAreInvisible() {
    Staff stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Bạch Mai"), Role.DISTRICT_DOCTOR);
    JsonObject page = stranger.api().get("/api/patients?name=nguyen").json();
    assertEquals(0, page.getLong("total"));
    assertEquals(0, stranger.api().get("/api/patients?citizenId=" + nguyenVanAnh.getString("citizenId")).json().getLong("total"));
  }

  private static JsonObject search(String query) {
    ApiClient.Response resp = doctor.api().get("/api/patients?" + query);
    assertEquals(200, resp.status(), resp::toString);
    return resp.json();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("id")).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
