package org.consilium.access;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.http.Endpoint;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The access-control matrix, proved over HTTP for every endpoint the server mounts: it walks the endpoint
 * catalogue, so a route added tomorrow is checked tomorrow without anyone listing it here.
 */
class AccessMatrixTest {

  private static final Pattern PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  private static TestServer server;
  private static List<Endpoint> endpoints;
  private static final Map<Role, ApiClient> home = new EnumMap<>(Role.class);
  private static final Map<Role, ApiClient> elsewhere = new EnumMap<>(Role.class);
  private static JsonObject patient;
  private static JsonObject consultation;

  @BeforeAll
  static void start() {
    server = TestServer.create().start();
    endpoints = server.verticle().endpoints().sorted();
    String otherHospital = Staff.newHospital(server, "Bệnh viện Hữu nghị Việt Đức");
    for (Role role : Role.values()) {
      home.put(role, role == Role.ADMINISTRATOR ? server.admin() : Staff.in(server, server.testHospitalId(), role).api());
      elsewhere.put(role, Staff.in(server, otherHospital, role).api());
    }
    patient = aPatient().named("Ông Thị Xuyến").born(1944, 2, 29).sex("female")
        .with("insuranceNumber", "CB2011234509876").with("phone", "0909123456").with("address", "Ấp Mỹ Hòa, Trà Vinh")
        .create(home.get(Role.DISTRICT_DOCTOR));
    consultation = submittedConsultation();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("the catalogue holds the patient endpoints, and every path naming a patient declares it")
  void catalogueIsComplete() {
    assertTrue(endpoints.stream().anyMatch(e -> e.path().equals("/api/patients/:patientId") && e.patientPath() != null));
    assertTrue(endpoints.stream().filter(e -> !e.isPublic()).count() >= 6, endpoints::toString);
    for (Endpoint e : endpoints) {
      if (e.path().contains(":patientId")) {
        assertEquals("patientId", e.patientPath(), () -> e.method() + " " + e.path() + " must be declared .patient(\"patientId\")");
      }
    }
  }

  @Test
  @DisplayName("every protected endpoint answers 401 without a token and with an invalid one")
  void unauthenticated() {
    List<String> failures = new ArrayList<>();
    for (Endpoint e : protectedEndpoints()) {
      expect(failures, e, "no token", call(server.api(), e), 401);
      expect(failures, e, "garbage token", call(server.api().token("not-a-token"), e), 401);
      expect(failures, e, "forged token", call(server.api().token(forgedJwt()), e), 401);
    }
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  @DisplayName("every protected endpoint answers 403 to each role it does not allow")
  void wrongRole() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : protectedEndpoints()) {
      for (Role role : Role.values()) {
        if (e.allows(role)) continue;
        expect(failures, e, role.wire(), call(home.get(role), e), 403);
        checked++;
      }
    }
    assertTrue(checked > 0);
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  @Test
  @DisplayName("every patient-scoped endpoint refuses clinicians of another hospital and shows none of the patient")
  void otherHospital() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : endpoints) {
      if (e.patientPath() == null) continue;
      for (Role role : Role.CLINICAL) {
        if (!e.allows(role)) continue;
        ApiClient.Response resp = call(elsewhere.get(role), e);
        checked++;
        if (resp.status() != 404 && resp.status() != 403) {
          failures.add(e.method() + " " + e.path() + " as " + role.wire() + " of another hospital: " + resp.status());
        }
        for (String field : new String[] {"fullName", "citizenId", "birthDate", "insuranceNumber", "phone", "address"}) {
          if (resp.body().contains(patient.getString(field))) {
            failures.add(e.method() + " " + e.path() + " as " + role.wire() + " leaks " + field);
          }
        }
      }
    }
    assertTrue(checked >= 6, "patient endpoints were exercised");
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    // The patient is there: the same calls by its own hospital succeed.
    assertEquals(200, home.get(Role.SPECIALIST).get("/api/patients/" + patient.getString("id")).status());
  }

  @Test
  @DisplayName("every consultation-scoped endpoint refuses clinicians of an uninvolved hospital and shows none of it")
  void consultationOfOtherHospital() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : endpoints) {
      if (!e.path().contains(":requestId")) continue;
      for (Role role : Role.values()) {
        if (!e.allows(role)) continue;
        ApiClient.Response resp = call(elsewhere.get(role), e);
        checked++;
        if (resp.status() != 404 && resp.status() != 403) failures.add(e.method() + " " + e.path() + " as " + role.wire() + ": " + resp);
        for (String leak : new String[] {consultation.getString("clinicalSummary"), patient.getString("id"), patient.getString("fullName")}) {
          if (resp.body().contains(leak)) failures.add(e.method() + " " + e.path() + " as " + role.wire() + " leaks the consultation");
        }
      }
    }
    assertTrue(checked >= 4, "consultation endpoints were exercised");
    assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
  }

  /** A submitted request from the home hospital to a third hospital: the "elsewhere" staff are not involved. */
  private static JsonObject submittedConsultation() {
    String third = Staff.newHospital(server, "Bệnh viện Trung ương Huế");
    ApiClient doctor = home.get(Role.DISTRICT_DOCTOR);
    JsonObject draft = doctor.post("/api/consultations", new JsonObject().put("patientId", patient.getString("id"))
        .put("targetHospitalId", third).put("urgency", "urgent").put("specialty", "Thần kinh")
        .put("reason", "Yếu nửa người").put("clinicalSummary", "Nhồi máu não cấp, giờ thứ 3").put("question", "Tiêu sợi huyết?")).json();
    return doctor.post("/api/consultations/" + draft.getString("id") + "/transitions",
        new JsonObject().put("to", "submitted").put("version", draft.getLong("version"))).json();
  }

  @Test
  @DisplayName("the room WebSocket, public in the catalogue because browsers cannot send tokens on it, refuses every upgrade without a ticket or token")
  void roomSocketAuthenticatesItself() throws Exception {
    List<Endpoint> sockets = endpoints.stream().filter(e -> e.isPublic() && e.path().startsWith("/api/rooms/")).toList();
    assertEquals(1, sockets.size(), sockets::toString);
    String path = sockets.get(0).path().replace(":sessionId", UUID.randomUUID().toString());
    for (String query : new String[] {"", "?ticket=forged"}) {
      java.util.concurrent.CompletableFuture<java.net.http.WebSocket> ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port() + path + query), new java.net.http.WebSocket.Listener() { });
      java.util.concurrent.ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(
          java.util.concurrent.ExecutionException.class, () -> ws.get(10, java.util.concurrent.TimeUnit.SECONDS));
      assertTrue(refused.getCause() instanceof java.net.http.WebSocketHandshakeException h && h.getResponse().statusCode() == 401,
          () -> query + ": " + refused.getCause());
    }
  }

  private static List<Endpoint> protectedEndpoints() {
    List<Endpoint> list = endpoints.stream().filter(e -> !e.isPublic()).toList();
    assertFalse(list.isEmpty());
    return list;
  }

  /** Calls the endpoint with its path parameters filled (the patient for :patientId) and an empty JSON body. */
  private static ApiClient.Response call(ApiClient client, Endpoint e) {
    Matcher m = PARAM.matcher(e.path());
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals(e.patientPath()) ? patient.getString("id")
          : m.group(1).equals("requestId") && consultation != null ? consultation.getString("id") : UUID.randomUUID().toString();
      m.appendReplacement(path, value);
    }
    m.appendTail(path);
    boolean body = switch (e.method().name()) {
      case "POST", "PUT", "PATCH" -> true;
      default -> false;
    };
    return client.header("If-Match", "\"1\"")
        .send(e.method().name(), path.toString(), body ? "{}" : null, body ? "application/json" : null);
  }

  private static void expect(List<String> failures, Endpoint e, String who, ApiClient.Response resp, int status) {
    if (resp.status() != status) failures.add(e.method() + " " + e.path() + " (" + who + "): expected " + status + ", got " + resp);
    else assertNotNull(resp.header("Content-Type"));
  }

  /** A well-formed JWT signed with a key the server does not have. */
  private static String forgedJwt() {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
    String claims = b64.encodeToString(("{\"sub\":\"admin\",\"role\":\"administrator\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes());
    return header + "." + claims + "." + b64.encodeToString(new byte[32]);
  }
}
