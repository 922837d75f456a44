package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consilium.access.Role;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;
import org.consilium.testdata.Staff;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Large rooms run on Jitsi: the server's JWTs are scoped to one room, short-lived, signed, and name the moderator. */
class JitsiTokensTest {

  private static final String SECRET = "app-secret-shared-with-prosody-0123456789";
  private static final String DOMAIN = "meet.benhvien.test";

  @Test
  @DisplayName("above the mesh limit the ticket carries a Jitsi JWT: HS256 over the app secret, room-scoped, moderator claim for the moderator only")
  void largeRoom() throws Exception {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).with("JITSI_DOMAIN", DOMAIN)
        .with("JITSI_APP_SECRET", SECRET).with("JITSI_APP_ID", "consilium-bv").with("JITSI_TOKEN_TTL_SECONDS", "300").start()) {
      List<Staff> people = new ArrayList<>();
      for (int i = 0; i < 5; i++) people.add(Staff.in(server, server.testHospitalId(), i == 0 ? Role.SPECIALIST : Role.DISTRICT_DOCTOR));
      String session = sessions.schedule(people.get(0).userId(), people.subList(1, 5).stream().map(Staff::userId).toList(), null);

      long now = System.currentTimeMillis() / 1000;
      JsonObject moderatorTicket = RoomClient.ticket(people.get(0).api(), session, false).json();
      assertEquals("jitsi", moderatorTicket.getString("media"));
      JsonObject jitsi = moderatorTicket.getJsonObject("jitsi");
      assertEquals(DOMAIN, jitsi.getString("domain"));
      assertEquals("https://" + DOMAIN + "/external_api.js", jitsi.getString("scriptUrl"));
      assertEquals("consilium-" + session, jitsi.getString("room"));
      JsonObject claims = verified(jitsi.getString("jwt"));
      assertEquals("consilium-bv", claims.getString("iss"));
      assertEquals(DOMAIN, claims.getString("sub"));
      assertEquals("jitsi", claims.getString("aud"), "aud as a plain string, as prosody compares it");
      assertEquals(jitsi.getString("room"), claims.getString("room"), "scoped to this session's room only");
      long exp = claims.getLong("exp");
      assertTrue(exp >= now + 300 && exp <= now + 305, "short-lived: " + (exp - now) + " s");
      assertTrue(claims.getBoolean("moderator"));
      JsonObject user = claims.getJsonObject("context").getJsonObject("user");
      assertEquals(people.get(0).userId(), user.getString("id"));
      assertEquals("true", user.getString("moderator"));

      JsonObject other = verified(RoomClient.ticket(people.get(3).api(), session, false).json().getJsonObject("jitsi").getString("jwt"));
      assertFalse(other.getBoolean("moderator"));
      assertEquals("false", other.getJsonObject("context").getJsonObject("user").getString("moderator"));
      assertEquals(people.get(3).userId(), other.getJsonObject("context").getJsonObject("user").getString("id"));

      String csp = server.api().get("/health").header("Content-Security-Policy");
      assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval' https://" + DOMAIN) && csp.contains("frame-src https://" + DOMAIN), csp);

      String small = sessions.schedule(people.get(0).userId(), List.of(people.get(1).userId()), null);
      JsonObject mesh = RoomClient.ticket(people.get(1).api(), small, false).json();
      assertEquals("mesh", mesh.getString("media"));
      assertNull(mesh.getJsonObject("jitsi"));
    }
  }

  @Test
  @DisplayName("a token signed with another secret does not verify; bad Jitsi settings stop the start naming the key")
  void settings() {
    Settings base = Settings.load(Map.of());
    RoomsConfig forced = RoomsConfig.from(base.with(Map.of("ROOM_MEDIA", "jitsi", "JITSI_DOMAIN", DOMAIN, "JITSI_APP_SECRET", SECRET)));
    assertTrue(forced.usesJitsi(2), "ROOM_MEDIA=jitsi sends even a small room to Jitsi");
    assertFalse(RoomsConfig.from(base).usesJitsi(20), "without a Jitsi deployment every room is a mesh");
    assertEquals("JITSI_DOMAIN", assertThrows(ConfigException.class, () -> RoomsConfig.from(base.with(Map.of(
        "JITSI_DOMAIN", "https://meet.benhvien.test/", "JITSI_APP_SECRET", SECRET)))).key());
    assertEquals("JITSI_APP_SECRET", assertThrows(ConfigException.class, () -> RoomsConfig.from(base.with(Map.of(
        "JITSI_DOMAIN", DOMAIN, "JITSI_APP_SECRET", "short")))).key());
    assertEquals("ROOM_MEDIA", assertThrows(ConfigException.class, () -> RoomsConfig.from(base.with(Map.of("ROOM_MEDIA", "jitsi")))).key());
    assertEquals("TURN_SECRET", assertThrows(ConfigException.class, () -> RoomsConfig.from(base.with(Map.of(
        "TURN_URLS", "turn:turn.benhvien.test:3478")))).key());
    assertEquals("TURN_URLS", assertThrows(ConfigException.class, () -> RoomsConfig.from(base.with(Map.of(
        "TURN_URLS", "http://turn.benhvien.test", "TURN_SECRET", SECRET)))).key());
    assertFalse(forced.toString().contains(SECRET), "secrets are never printed");

    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      String token = new JitsiTokens(vertx, RoomsConfig.from(base.with(Map.of("JITSI_DOMAIN", DOMAIN,
          "JITSI_APP_SECRET", "a-different-secret-of-another-deployment"))))
          .join("s1", new org.consilium.access.Principal("u1", "bs1", "Bác sĩ Một", Role.SPECIALIST, "h1", null), false,
              java.time.Instant.now()).getString("jwt");
      assertThrows(AssertionError.class, () -> verified(token));
    } finally {
      vertx.close();
    }
  }

  /** Checks the HS256 signature with the JDK's own HMAC (not the library that signed it) and returns the claims. */
  private static JsonObject verified(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    assertEquals("HS256", new JsonObject(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)).getString("alg"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(expected, b64.decode(parts[2]))) throw new AssertionError("signature does not verify");
    return new JsonObject(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
  }
}
