package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ErrorCode;
import org.consilium.testdata.Staff;
import org.consilium.testing.Problems;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Waiting room, moderation and rejoining, over real WebSockets; each action audited. */
class RoomModerationTest extends RoomWithSession {

  private static Staff visitor;

  @BeforeAll
  static void visitorOfAnotherHospital() {
    visitor = Staff.in(server, Staff.newHospital(server, "Bệnh viện Chợ Rẫy"), Role.SPECIALIST);
  }

  @Test
  @DisplayName("a visitor knocks, the moderator sees them waiting and admits them; another is refused; only the moderator decides")
  void waitingRoom() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
      mod.join().next("welcome");
      doc.join().next("welcome");
      assertEquals(doctor.userId(), mod.next("joined").getJsonObject("participant").getString("userId"));
      RoomClient knock = RoomClient.enter(server, visitor.api(), session, true);
      knock.join().next("waiting");
      JsonArray waiting = mod.next("waiting-room").getJsonArray("waiting");
      assertEquals(visitor.userId(), waiting.getJsonObject(0).getString("userId"));
      assertTrue(doc.pending().stream().noneMatch(m -> "waiting-room".equals(m.getString("type"))), "only the moderator sees the waiting room");
      knock.send(new JsonObject().put("type", "chat").put("text", "cho tôi vào"));
      knock.error(ErrorCode.ROOM_NOT_ALLOWED.code());

      doc.send(new JsonObject().put("type", "admit").put("userId", visitor.userId()));
      doc.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      mod.send(new JsonObject().put("type", "admit").put("userId", visitor.userId()));
      assertEquals(moderator.userId(), knock.next("admitted").getString("by"));
      knock.awaitClose();
      assertEquals(0, mod.next("waiting-room").getJsonArray("waiting").size());

      JsonObject ticket = RoomClient.ticket(visitor.api(), session, false).json();
      assertEquals("participant", ticket.getString("admission"));
      try (RoomClient guest = RoomClient.open(server, ticket.getString("socketPath"), null)) {
        JsonObject welcome = guest.join().next("welcome");
        assertTrue(welcome.getJsonArray("participants").stream().map(JsonObject.class::cast)
            .anyMatch(p -> p.getString("userId").equals(visitor.userId()) && p.getBoolean("guest")));
        assertEquals(visitor.userId(), mod.next("joined").getJsonObject("participant").getString("userId"));
      }
    }
    Staff stranger = Staff.in(server, server.testHospitalId(), Role.ENDOSCOPIST);
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false)) {
      mod.join().next("welcome");
      RoomClient knock = RoomClient.enter(server, stranger.api(), session, true);
      knock.join().next("waiting");
      mod.next("waiting-room");
      mod.send(new JsonObject().put("type", "refuse").put("userId", stranger.userId()));
      knock.next("refused");
      assertEquals(4403, knock.awaitClose());
    }
    Problems.assertProblem(RoomClient.ticket(stranger.api(), session, false), ErrorCode.ROOM_NOT_PARTICIPANT);
    assertAudited(AuditAction.ROOM_KNOCK, visitor.userId(), null);
    assertAudited(AuditAction.ROOM_ADMIT, moderator.userId(), "target=" + visitor.userId());
    assertAudited(AuditAction.ROOM_REFUSE, moderator.userId(), "target=" + stranger.userId());
  }

  @Test
  @DisplayName("the moderator mutes, removes and hands over; a removed participant cannot come back; others may not moderate")
  void moderation() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false);
         RoomClient endo = RoomClient.enter(server, endoscopist.api(), session, false)) {
      mod.join().next("welcome");
      doc.join().next("welcome");
      endo.join().next("welcome");
      doc.send(new JsonObject().put("type", "mute").put("userId", endoscopist.userId()));
      doc.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      mod.send(new JsonObject().put("type", "mute").put("userId", endoscopist.userId()));
      assertEquals(moderator.userId(), endo.next("muted").getString("by"));

      mod.send(new JsonObject().put("type", "remove").put("userId", doctor.userId()));
      doc.next("removed");
      assertEquals(4403, doc.awaitClose());
      JsonObject left = endo.next("left");
      assertEquals("removed", left.getString("reason"));
      Problems.assertProblem(RoomClient.ticket(doctor.api(), session, false), ErrorCode.ROOM_NOT_PARTICIPANT);

      mod.send(new JsonObject().put("type", "hand-over").put("userId", endoscopist.userId()));
      assertEquals(endoscopist.userId(), endo.next("moderator").getString("userId"));
      mod.send(new JsonObject().put("type", "mute").put("userId", endoscopist.userId()));
      mod.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      endo.send(new JsonObject().put("type", "recording").put("on", true));
      assertTrue(mod.next("recording").getBoolean("on"), "everyone sees that recording is on");
      endo.send(new JsonObject().put("type", "end"));
      assertEquals(endoscopist.userId(), mod.next("ended").getString("by"));
      mod.awaitClose();
      endo.awaitClose();
    }
    Problems.assertProblem(RoomClient.ticket(moderator.api(), session, false), ErrorCode.ROOM_CLOSED);
    assertAudited(AuditAction.ROOM_MUTE, moderator.userId(), "target=" + endoscopist.userId());
    assertAudited(AuditAction.ROOM_REMOVE, moderator.userId(), "target=" + doctor.userId());
    assertAudited(AuditAction.ROOM_MODERATOR_HANDOVER, moderator.userId(), "target=" + endoscopist.userId());
    assertAudited(AuditAction.ROOM_RECORDING, endoscopist.userId(), "on");
    assertAudited(AuditAction.ROOM_END, endoscopist.userId(), null);
  }

  @Test
  @DisplayName("a participant whose connection drops rejoins and finds the room, the chat and their role as they were")
  void rejoin() {
    try (RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
      doc.join().next("welcome");
      RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
      mod.join().next("welcome");
      mod.send(new JsonObject().put("type", "raise-hand").put("raised", true));
      doc.send(new JsonObject().put("type", "chat").put("text", "Ổ loét 12 mm bờ cong nhỏ"));
      doc.next("chat");
      mod.drop();
      assertEquals("dropped", doc.next("left").getString("reason"));

      try (RoomClient back = RoomClient.enter(server, moderator.api(), session, false)) {
        JsonObject welcome = back.join().next("welcome");
        assertEquals(moderator.userId(), welcome.getString("moderatorUserId"), "still the moderator");
        assertEquals("Ổ loét 12 mm bờ cong nhỏ", welcome.getJsonArray("chat").getJsonObject(0).getString("text"));
        JsonObject me = welcome.getJsonArray("participants").stream().map(JsonObject.class::cast)
            .filter(p -> p.getString("userId").equals(moderator.userId())).findFirst().orElseThrow();
        assertTrue(me.getBoolean("hand"), "the raised hand is kept");
        assertEquals(moderator.userId(), doc.next("joined").getJsonObject("participant").getString("userId"));
        back.send(new JsonObject().put("type", "leave"));
        assertEquals("left", doc.next("left").getString("reason"));
      }
    }
    assertAudited(AuditAction.ROOM_JOIN, moderator.userId(), "rejoin");
    assertAudited(AuditAction.ROOM_LEAVE, moderator.userId(), "dropped");
    assertAudited(AuditAction.ROOM_LEAVE, moderator.userId(), "left");
  }

  private void assertAudited(AuditAction action, String actor, String detail) {
    List<AuditEvent> events = server.audit().events(action).stream()
        .filter(e -> session.equals(e.resourceId()) && actor.equals(e.actorUserId())).toList();
    assertFalse(events.isEmpty(), () -> action + " by " + actor + " not audited: " + server.audit().events(action));
    assertTrue(events.stream().allMatch(e -> patient.equals(e.patientId()) && "room".equals(e.resourceType())));
    if (detail != null) {
      assertTrue(events.stream().anyMatch(e -> e.detail() != null && e.detail().startsWith(detail)),
          () -> action + " lacks detail " + detail + ": " + events);
    }
  }
}
