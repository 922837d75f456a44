package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.consilium.http.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The room WebSocket over real connections: who gets in, what is relayed, what is refused. */
class RoomSignalingTest {

  static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private static final TestSessionRoster sessions = new TestSessionRoster();
  private static TestServer server;
  private static Staff moderator;
  private static Staff doctor;
  private static Staff outsider;
  private String session;

  @BeforeAll
  static void start() {
    server = TestServer.create().withRoomRoster(sessions).with("ROOM_MESSAGES_PER_SECOND", "20")
        .with("ROOM_MESSAGE_BURST", "40").start();
    moderator = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
    doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
    outsider = Staff.in(server, server.testHospitalId(), Role.SPECIALIST);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void schedule() {
    session = sessions.schedule(moderator.userId(), List.of(doctor.userId()), UUID.randomUUID().toString());
  }

  @Test
  @DisplayName("two participants join, see each other, and get offers, answers and ICE candidates relayed to the named peer only")
  void joinAndRelay() {
    try (RoomClient a = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient b = RoomClient.enter(server, doctor.api(), session, false)) {
      JsonObject welcomeA = a.join().next("welcome");
      assertEquals(moderator.userId(), welcomeA.getString("moderatorUserId"));
      assertEquals("mesh", welcomeA.getString("media"));
      JsonObject welcomeB = b.join().next("welcome");
      assertEquals(2, welcomeB.getJsonArray("participants").size());
      assertEquals(doctor.userId(), a.next("joined").getJsonObject("participant").getString("userId"));

      a.send(new JsonObject().put("type", "offer").put("to", doctor.userId()).put("sdp", SDP));
      JsonObject offer = b.next("offer");
      assertEquals(moderator.userId(), offer.getString("from"));
      assertEquals(SDP, offer.getString("sdp"), "the SDP arrives byte for byte, CRLF included");
      b.send(new JsonObject().put("type", "answer").put("to", moderator.userId()).put("sdp", SDP));
      assertEquals(doctor.userId(), a.next("answer").getString("from"));
      JsonObject candidate = new JsonObject().put("candidate", "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host")
          .put("sdpMid", "0").put("sdpMLineIndex", 0);
      a.send(new JsonObject().put("type", "ice").put("to", doctor.userId()).put("candidate", candidate));
      assertEquals(candidate, b.next("ice").getJsonObject("candidate"));

      a.send(new JsonObject().put("type", "offer").put("to", outsider.userId()).put("sdp", SDP));
      a.error(ErrorCode.ROOM_PEER_ABSENT.code());
      a.send(new JsonObject().put("type", "offer").put("to", moderator.userId()).put("sdp", SDP));
      a.error(ErrorCode.ROOM_PEER_ABSENT.code());

      b.send(new JsonObject().put("type", "raise-hand").put("raised", true));
      assertTrue(a.next("presence").getJsonObject("participant").getBoolean("hand"));
      b.send(new JsonObject().put("type", "media").put("audio", false).put("video", true).put("screen", true));
      JsonObject p = a.next("presence").getJsonObject("participant");
      assertFalse(p.getBoolean("audio"));
      assertTrue(p.getBoolean("screen"));
    }
  }

  @Test
  @DisplayName("malformed, unknown, oversized and premature messages get an error and the room goes on")
  void malformed() {
    try (RoomClient a = RoomClient.enter(server, moderator.api(), session, false)) {
      a.send(new JsonObject().put("type", "chat").put("text", "too early"));
      a.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      a.join().next("welcome");
      a.sendRaw("{not json");
      a.error(ErrorCode.ROOM_MESSAGE_INVALID.code());
      a.sendRaw("[1,2]");
      a.error(ErrorCode.ROOM_MESSAGE_INVALID.code());
      a.sendRaw("{\"type\":\"chat\",\"text\":\"a\",\"text\":\"b\"}");
      a.error(ErrorCode.ROOM_MESSAGE_INVALID.code());
      a.send(new JsonObject().put("type", "teleport"));
      assertTrue(a.error(ErrorCode.ROOM_MESSAGE_INVALID.code()).getString("detail").contains("teleport"));
      a.send(new JsonObject().put("kind", "chat"));
      a.error(ErrorCode.ROOM_MESSAGE_INVALID.code());
      a.send(new JsonObject().put("type", "chat").put("text", "hi").put("html", "<b>"));
      assertTrue(a.error(ErrorCode.ROOM_MESSAGE_INVALID.code()).getString("detail").contains("/html"));
      a.send(new JsonObject().put("type", "offer").put("to", doctor.userId()).put("sdp", "not sdp"));
      assertEquals("offer", a.error(ErrorCode.ROOM_MESSAGE_INVALID.code()).getString("inReplyTo"));
      a.send(new JsonObject().put("type", "chat").put("text", "x".repeat(70_000)));
      a.error(ErrorCode.ROOM_MESSAGE_TOO_LARGE.code());
      a.send(new JsonObject().put("type", "join").put("audio", true).put("video", true));
      a.error(ErrorCode.ROOM_NOT_ALLOWED.code());

      a.send(new JsonObject().put("type", "chat").put("text", "Mời hội chẩn ca nội soi"));
      assertEquals("Mời hội chẩn ca nội soi", a.next("chat").getJsonObject("message").getString("text"));
      assertFalse(a.isClosed());
    }
  }

  @Test
  @DisplayName("a connection that floods is rate limited, told so once a second, and stays connected")
  void rateLimited() {
    try (RoomClient a = RoomClient.enter(server, moderator.api(), session, false)) {
      a.join().next("welcome");
      for (int i = 0; i < 200; i++) a.send(new JsonObject().put("type", "raise-hand").put("raised", i % 2 == 0));
      a.error(ErrorCode.ROOM_RATE_LIMITED.code());
      long presences = a.pending().stream().filter(m -> "presence".equals(m.getString("type"))).count();
      assertTrue(presences < 200, "some messages were dropped: " + presences);
      assertFalse(a.isClosed());
    }
  }

  @Test
  @DisplayName("a stranger is refused a ticket and a socket; an unknown session is 404; a ticket works once, for its session only")
  void refused() {
    ApiClient.Response t = RoomClient.ticket(outsider.api(), session, false);
    Problems.assertProblem(t, ErrorCode.ROOM_NOT_PARTICIPANT);
    Problems.assertProblem(RoomClient.ticket(doctor.api(), UUID.randomUUID().toString(), false), ErrorCode.ROOM_NOT_FOUND);

    String path = RoomClient.ticket(doctor.api(), session, false).json().getString("socketPath");
    String other = sessions.schedule(moderator.userId(), List.of(doctor.userId()), null);
    assertRefused(path.replace(session, other), 401);
    assertRefused(path, 401);
    assertRefused("/api/rooms/" + session + "/socket", 401);
    assertRefused("/api/rooms/" + session + "/socket?ticket=forged", 401);

    String good = RoomClient.ticket(doctor.api(), session, false).json().getString("socketPath");
    try {
      TestServer.await(RoomClient.connect(server, good, "https://evil.example", null));
      throw new AssertionError("a foreign origin was let in");
    } catch (RuntimeException e) {
      assertTrue(String.valueOf(e.getMessage()).contains("403"), e::toString);
    }
    assertEquals(400, server.api().get("/api/rooms/" + session + "/socket").status(), "a plain GET is not an upgrade");
  }

  @Test
  @DisplayName("a script may connect with its bearer token instead of a ticket; a stranger's token is refused")
  void bearer() {
    String username = "script" + System.nanoTime() % 100_000;
    String userId = server.createUser(username, Role.SPECIALIST, server.testHospitalId()).getString("id");
    String token = server.login(username, TestServer.USER_PASSWORD);
    String path = "/api/rooms/" + session + "/socket";
    try {
      TestServer.await(RoomClient.connect(server, path, null, token));
      throw new AssertionError("a stranger's token opened the room");
    } catch (RuntimeException e) {
      assertTrue(String.valueOf(e.getMessage()).contains("403"), e::toString);
    }
    String mine = sessions.schedule(userId, List.of(), null);
    TestServer.await(RoomClient.connect(server, "/api/rooms/" + mine + "/socket", null, token)).close();
  }

  private static void assertRefused(String path, int status) {
    try {
      TestServer.await(RoomClient.connect(server, path, null, null));
      throw new AssertionError(path + " was upgraded");
    } catch (RuntimeException e) {
      assertTrue(String.valueOf(e.getMessage()).contains(String.valueOf(status)), e::toString);
    }
  }
}
