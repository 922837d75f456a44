package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.testdata.Staff;
import org.consilium.testing.Coturn;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ICE servers come from the server, with TURN credentials that a real coturn accepts. */
class IceServersTest {

  private static final String SECRET = "shared-secret-of-the-turn-server";

  @Test
  @DisplayName("a ticket carries TURN credentials in coturn's REST scheme; coturn allocates with them and refuses tampered ones")
  void turnCredentials() throws Exception {
    TestSessionRoster sessions = new TestSessionRoster();
    try (Coturn coturn = Coturn.start(SECRET);
         TestServer server = TestServer.create().withRoomRoster(sessions)
             .with("TURN_URLS", "turn:127.0.0.1:" + coturn.port() + "?transport=udp")
             .with("STUN_URLS", "stun:127.0.0.1:" + coturn.port()).with("TURN_SECRET", SECRET)
             .with("TURN_CREDENTIAL_TTL_SECONDS", "600").start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      String session = sessions.schedule(doctor.userId(), List.of(), null);
      long before = System.currentTimeMillis() / 1000;
      JsonObject ticket = RoomClient.ticket(doctor.api(), session, false).json();
      assertEquals("all", ticket.getString("iceTransportPolicy"));
      JsonArray servers = ticket.getJsonArray("iceServers");
      assertEquals(new JsonArray().add("stun:127.0.0.1:" + coturn.port()), servers.getJsonObject(0).getJsonArray("urls"));
      JsonObject turn = servers.getJsonObject(1);
      String username = turn.getString("username");
      String[] parts = username.split(":");
      assertEquals(doctor.userId(), parts[1]);
      long expiry = Long.parseLong(parts[0]);
      assertTrue(expiry >= before + 600 && expiry <= before + 605, "expires after the configured 600 s: " + expiry);
      assertEquals(openssl(username), turn.getString("credential"), "base64(HMAC-SHA1(secret, username)), as openssl computes it");

      assertTrue(coturn.allocates(username, turn.getString("credential")), "coturn accepts the credentials");
      assertFalse(coturn.allocates(username, TurnCredentials.password("another-secret-entirely", username)), "a wrong secret is refused");
      String expired = (before - 60) + ":" + doctor.userId();
      assertFalse(coturn.allocates(expired, TurnCredentials.password(SECRET, expired)), "expired credentials are refused");
    }
  }

  @Test
  @DisplayName("without TURN_URLS and STUN_URLS a ticket lists no ICE servers (host candidates only, for a LAN)")
  void none() {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).start()) {
      Staff doctor = Staff.in(server, server.testHospitalId(), Role.DISTRICT_DOCTOR);
      String session = sessions.schedule(doctor.userId(), List.of(), null);
      assertEquals(new JsonArray(), RoomClient.ticket(doctor.api(), session, false).json().getJsonArray("iceServers"));
    }
  }

  private static String openssl(String username) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", "printf %s \"$U\" | openssl dgst -sha1 -hmac \"$S\" -binary | base64");
    pb.environment().put("U", username);
    pb.environment().put("S", SECRET);
    Process run = pb.start();
    String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, run.waitFor());
    return out;
  }
}
