package org.consilium.recordings;

import static org.consilium.testdata.PatientData.aPatient;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Session recordings over real HTTP: chunked upload with resume, checksum, retention, and who may touch them. */
class RecordingUploadTest {

  /** A WebM's first bytes (the EBML header magic) followed by stand-in media. */
  static byte[] webm(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    b[0] = 0x1A;
    b[1] = 0x45;
    b[2] = (byte) 0xDF;
    b[3] = (byte) 0xA3;
    return b;
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static String base(String session) {
    return "/api/rooms/" + session + "/recordings";
  }

  static ApiClient.Response chunk(ApiClient api, String session, String id, int index, long offset, byte[] bytes) {
    return api.sendBytes("PUT", base(session) + "/" + id + "/chunks/" + index + "?offset=" + offset, bytes, "video/webm");
  }

  static ApiClient.Response complete(ApiClient api, String session, String id, String sha) {
    return api.post(base(session) + "/" + id + "/complete", new JsonObject().put("sha256", sha));
  }

  @Test
  @DisplayName("a recording uploads in order, repeats are harmless, gaps and wrong checksums refused; the download matches; it is kept 10 years")
  void roundTrip() throws Exception {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).start()) {
      Staff moderator = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      String patient = aPatient().named("Hà Thị Lan").born(1958, 6, 1).sex("female").create(doctor.api()).getString("id");
      String session = sessions.schedule(moderator.userId(), List.of(doctor.userId()), patient);
      byte[] whole = webm(300_000, 7);
      byte[][] parts = {Arrays.copyOfRange(whole, 0, 100_000), Arrays.copyOfRange(whole, 100_000, 220_000),
          Arrays.copyOfRange(whole, 220_000, 300_000)};

      ApiClient.Response started = moderator.api().post(base(session), new JsonObject().put("mimeType", "video/webm;codecs=vp8,opus"));
      assertEquals(201, started.status(), started::toString);
      String id = started.json().getString("id");
      assertEquals("uploading", started.json().getString("status"));

      assertEquals(100_000L, chunk(moderator.api(), session, id, 0, 0, parts[0]).json().getLong("receivedBytes"));
      ApiClient.Response again = chunk(moderator.api(), session, id, 0, 0, parts[0]);
      assertEquals(200, again.status(), "a repeated chunk is acknowledged");
      assertEquals(100_000L, again.json().getLong("receivedBytes"), "and not counted twice");
      Problems.assertProblem(chunk(moderator.api(), session, id, 2, 220_000, parts[2]), ErrorCode.RECORDING_OUT_OF_ORDER);
      Problems.assertProblem(chunk(moderator.api(), session, id, 1, 90_000, parts[1]), ErrorCode.RECORDING_OUT_OF_ORDER);
      Problems.assertProblem(chunk(doctor.api(), session, id, 1, 100_000, parts[1]), ErrorCode.ROOM_NOT_ALLOWED);
      assertEquals(200, chunk(moderator.api(), session, id, 1, 100_000, parts[1]).status());
      assertEquals(220_000L, moderator.api().get(base(session) + "/" + id).json().getLong("receivedBytes"), "the resume point");
      assertEquals(2, moderator.api().get(base(session) + "/" + id).json().getInteger("nextIndex"));

      Problems.assertProblem(complete(moderator.api(), session, id, sha256(whole)), ErrorCode.RECORDING_CHECKSUM_MISMATCH);
      assertEquals("uploading", moderator.api().get(base(session) + "/" + id).json().getString("status"), "still resumable");
      assertEquals(0, doctor.api().get(base(session)).json().getJsonArray("items").getJsonObject(0).getLong("size", 0L),
          "nothing half-published");
      assertEquals(200, chunk(moderator.api(), session, id, 2, 220_000, parts[2]).status());
      Problems.assertFieldError(complete(moderator.api(), session, id, "abc"), "/sha256");
      ApiClient.Response done = complete(moderator.api(), session, id, sha256(whole).toUpperCase());
      assertEquals(200, done.status(), done::toString);
      assertEquals(300_000L, done.json().getLong("size"));
      assertEquals(sha256(whole), done.json().getString("sha256"));
      int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
      assertEquals(year + 10, Instant.parse(done.json().getString("retainUntil")).atZone(ZoneOffset.UTC).getYear());
      Problems.assertProblem(chunk(moderator.api(), session, id, 3, 300_000, new byte[] {1}), ErrorCode.RECORDING_FINISHED);

      JsonObject listed = doctor.api().get(base(session)).json().getJsonArray("items").getJsonObject(0);
      assertEquals("complete", listed.getString("status"));
      ApiClient.BinaryResponse file = doctor.api().sendBytes("GET", base(session) + "/" + id + "/content", null, null, null);
      assertEquals(200, file.status());
      assertArrayEquals(whole, file.body());
      assertEquals(sha256(whole), sha256(file.body()));
      assertEquals(sha256(whole), file.header("X-Checksum-SHA256"));
      assertEquals("video/webm;codecs=vp8,opus", file.header("Content-Type"));
      ApiClient.BinaryResponse head = doctor.api().header("Range", "bytes=0-3").sendBytes("GET", base(session) + "/" + id + "/content", null, null, null);
      assertEquals(206, head.status());
      assertArrayEquals(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, head.body());
      assertEquals("bytes 0-3/300000", head.header("Content-Range"));

      Problems.assertProblem(moderator.api().delete(base(session) + "/" + id), ErrorCode.RECORDING_RETAINED);
      assertEquals(200, moderator.api().get(base(session) + "/" + id).status(), "still there");
      assertFalse(server.audit().events(AuditAction.CREATE).stream().noneMatch(e -> id.equals(e.resourceId())), "start audited");
      assertTrue(server.audit().events(AuditAction.EXPORT).stream().anyMatch(e -> id.equals(e.resourceId()) && patient.equals(e.patientId())),
          "downloads audited against the patient");
      assertTrue(server.audit().events(AuditAction.UPDATE).stream().anyMatch(e -> id.equals(e.resourceId())), "completion audited");
    }
  }

  @Test
  @DisplayName("only the moderator starts; the patient's other clinicians may read; strangers get 404; closed sessions are not recorded")
  void access() {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).start()) {
      Staff moderator = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      Staff colleague = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
      Staff stranger = Staff.in(server, Staff.newHospital(server, "Bệnh viện Chợ Rẫy"), Role.SPECIALIST);
      String patient = aPatient().named("Đinh Văn Tùng").born(1970, 1, 9).sex("male").create(doctor.api()).getString("id");
      String session = sessions.schedule(moderator.userId(), List.of(doctor.userId()), patient);
      JsonObject mime = new JsonObject().put("mimeType", "video/webm");

      Problems.assertProblem(doctor.api().post(base(session), mime), ErrorCode.ROOM_NOT_ALLOWED);
      Problems.assertProblem(stranger.api().post(base(session), mime), ErrorCode.ROOM_NOT_FOUND);
      Problems.assertFieldError(moderator.api().post(base(session), new JsonObject().put("mimeType", "text/html")), "/mimeType");
      String id = moderator.api().post(base(session), mime).json().getString("id");

      assertEquals(200, colleague.api().get(base(session)).status(), "the patient's own hospital sees the record");
      Problems.assertProblem(stranger.api().get(base(session)), ErrorCode.ROOM_NOT_FOUND);
      Problems.assertProblem(stranger.api().get(base(session) + "/" + id), ErrorCode.ROOM_NOT_FOUND);
      Problems.assertProblem(stranger.api().sendBytes("PUT", base(session) + "/" + id + "/chunks/0?offset=0", new byte[] {1}, "video/webm"),
          ErrorCode.ROOM_NOT_FOUND);
      Problems.assertProblem(moderator.api().get(base(session) + "/" + java.util.UUID.randomUUID()), ErrorCode.RECORDING_NOT_FOUND);
      Problems.assertFieldError(moderator.api().sendBytes("PUT", base(session) + "/" + id + "/chunks/0?offset=-1", new byte[] {1}, "video/webm"),
          "/offset");

      sessions.setStatus(session, "concluded");
      Problems.assertProblem(moderator.api().post(base(session), mime), ErrorCode.ROOM_CLOSED);
    }
  }

  @Test
  @DisplayName("an upload interrupted by a server restart resumes where the server says; retention follows the setting")
  void resumeAfterRestart() throws Exception {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).with("RECORDING_RETENTION_YEARS", "15")
        .with("RECORDING_MAX_CHUNK_MB", "1").start()) {
      String username = "recorder" + System.nanoTime() % 1_000_000;
      Staff moderator = new Staff(server.createUser(username, Role.SPECIALIST, server.testHospitalId()).getString("id"),
          server.testHospitalId(), Role.SPECIALIST, server.api().token(server.login(username, TestServer.USER_PASSWORD)));
      String session = sessions.schedule(moderator.userId(), List.of(), null);
      byte[] whole = webm(150_000, 11);
      String id = moderator.api().post(base(session), new JsonObject().put("mimeType", "video/webm")).json().getString("id");
      assertEquals(200, chunk(moderator.api(), session, id, 0, 0, Arrays.copyOfRange(whole, 0, 90_000)).status());
      Problems.assertProblem(chunk(moderator.api(), session, id, 1, 90_000, new byte[1024 * 1024 + 1]), ErrorCode.PAYLOAD_TOO_LARGE);

      server.restart();
      ApiClient api = server.api().token(server.login(username, TestServer.USER_PASSWORD));
      JsonObject where = api.get(base(session) + "/" + id).json();
      assertEquals(90_000L, where.getLong("receivedBytes"));
      assertEquals(200, chunk(api, session, id, where.getInteger("nextIndex"), where.getLong("receivedBytes"),
          Arrays.copyOfRange(whole, 90_000, 150_000)).status());
      JsonObject done = complete(api, session, id, sha256(whole)).json();
      assertEquals(150_000L, done.getLong("size"));
      int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
      assertEquals(year + 15, Instant.parse(done.getString("retainUntil")).atZone(ZoneOffset.UTC).getYear());
      assertArrayEquals(whole, api.sendBytes("GET", base(session) + "/" + id + "/content", null, null, null).body());
    }
  }
}
