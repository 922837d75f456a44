package org.consilium.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.consilium.access.Role;
import org.consilium.testdata.PatientData;
import org.consilium.testing.ApiClient;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.LiveSocket;
import org.consilium.testing.TestServer;

/**
 * {@code ./consilium bench emergency}: the system's share of the emergency path over real HTTP and a real
 * WebSocket. The district doctor submits an emergency request; the on-call specialist's socket is told; the
 * specialist accepts, which opens the room. The reference, in the same run, is the same request taken the
 * ordinary way: accept, an administrator schedules a session, the moderator opens it. Human reaction time is
 * not included (the bench answers at once); it adds to both paths alike.
 */
public final class EmergencyBench {

  private EmergencyBench() {
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    try (TestServer server = TestServer.create().start()) {
      String district = server.testHospitalId();
      String central = server.createHospital("BENCH-C", "Bệnh viện Trung ương (bench)", "central").getString("id");
      ApiClient doctor = signedIn(server, "bench.doctor", Role.DISTRICT_DOCTOR, district);
      String specialistToken = token(server, "bench.oncall", Role.SPECIALIST, central);
      ApiClient specialist = server.api().token(specialistToken);
      ApiClient admin = signedIn(server, "bench.admin", Role.ADMINISTRATOR, central);
      String specialistId = specialist.get("/api/me").json().getString("id");
      specialist.header("If-Match", "\"0\"").put("/api/availability/me", new JsonObject().put("onCall", true));
      String patientId = PatientData.aPatient().named("Phạm Văn Bench").create(doctor).getString("id");
      LiveSocket socket = LiveSocket.open(server, specialistToken);
      if (!"ready".equals(socket.next().getString("type"))) throw new IllegalStateException("socket not ready");

      double[] roomServer = new double[runs];
      double[] push = new double[runs];
      double[] emergencyWall = new double[runs];
      double[] ordinaryWall = new double[runs];
      for (int i = -5; i < runs; i++) {
        JsonObject draft = doctor.post("/api/consultations", body(patientId, central, "emergency")).json();
        long t0 = System.nanoTime();
        JsonObject sent = move(doctor, draft, "submitted");
        until(socket, draft.getString("id"));
        long t1 = System.nanoTime();
        JsonObject opened = move(specialist, sent, "accepted");
        long t2 = System.nanoTime();
        if (!"in_session".equals(opened.getString("status"))) throw new IllegalStateException("no room: " + opened);

        JsonObject routine = doctor.post("/api/consultations", body(patientId, central, "urgent")).json();
        long r0 = System.nanoTime();
        JsonObject accepted = move(specialist, move(doctor, routine, "submitted"), "accepted");
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).plusMinutes(i * 90L + 600);
        JsonObject session = admin.post("/api/consultation-sessions", new JsonObject().put("requestIds", new JsonArray().add(accepted.getString("id")))
            .put("start", start.toOffsetDateTime().toString()).put("durationMinutes", 60).put("moderatorId", specialistId)
            .put("specialistIds", new JsonArray())).json();
        specialist.post("/api/consultation-sessions/" + session.getString("id") + "/open", new JsonObject().put("version", session.getLong("version")));
        long r1 = System.nanoTime();
        if (i < 0) continue;
        roomServer[i] = opened.getLong("requestToRoomMillis");
        push[i] = (t1 - t0) / 1e6;
        emergencyWall[i] = (t2 - t0) / 1e6;
        ordinaryWall[i] = (r1 - r0) / 1e6;
      }
      String section = "Measured " + Instant.now().toString().substring(0, 10) + " on " + Runtime.getRuntime().availableProcessors()
          + " cores (load average " + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
          + " at the end; other work shared the machine), embedded store, " + runs + " requests per row after 5 warm-up ones. "
          + "Human reaction time is not included.\n\n| path | p50 ms | p95 ms | max ms |\n|---|---|---|---|\n"
          + row("emergency: submit → on-call specialist's socket is told", push)
          + row("emergency: submit → room open, as recorded by the server (`requestToRoomMillis`)", roomServer)
          + row("emergency: submit → room open, as seen by the clients (submit, push, accept)", emergencyWall)
          + row("reference: the ordinary path (submit, accept, schedule, open)", ordinaryWall);
      System.out.println(section);
      socket.close();
      System.setProperty("consilium.updateDocs", "true");
      GeneratedDocs.assertSection("performance.md", "emergency", section);
    }
  }

  private static JsonObject body(String patientId, String hospital, String urgency) {
    return new JsonObject().put("patientId", patientId).put("targetHospitalId", hospital).put("urgency", urgency)
        .put("specialty", "Hồi sức cấp cứu").put("reason", "Sốc nhiễm khuẩn").put("clinicalSummary", "Huyết áp 80/50, lactate 5")
        .put("question", "Chuyển viện ngay hay hồi sức tại chỗ?");
  }

  private static JsonObject move(ApiClient api, JsonObject r, String to) {
    ApiClient.Response resp = api.post("/api/consultations/" + r.getString("id") + "/transitions",
        new JsonObject().put("to", to).put("version", r.getLong("version")));
    if (resp.status() != 200) throw new IllegalStateException(to + ": " + resp);
    return resp.json();
  }

  private static ApiClient signedIn(TestServer server, String username, Role role, String hospitalId) {
    return server.api().token(token(server, username, role, hospitalId));
  }

  private static String token(TestServer server, String username, Role role, String hospitalId) {
    server.createUser(username, role, hospitalId);
    return server.login(username, TestServer.USER_PASSWORD);
  }

  private static String row(String what, double[] ms) {
    double[] s = Arrays.copyOf(ms, ms.length);
    Arrays.sort(s);
    return String.format("| %s | %.0f | %.0f | %.0f |%n", what, s[s.length / 2], s[(int) (s.length * 0.95)], s[s.length - 1]);
  }

  /** Waits for the push about {@code requestId}; other notifications (of the reference path) pass by. */
  private static void until(LiveSocket socket, String requestId) throws InterruptedException {
    while (!requestId.equals(socket.next().getString("requestId"))) {
      Thread.onSpinWait();
    }
  }
}
