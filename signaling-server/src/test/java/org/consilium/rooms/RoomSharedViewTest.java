package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Shared viewing over real WebSockets: only the presenter moves the view, control is granted, late joiners catch up. */
class RoomSharedViewTest extends RoomWithSession {

  private static final String STUDY = "1.2.826.0.1.3680043.8.498.1";
  private static final String SERIES = "1.2.826.0.1.3680043.8.498.1.2";

  @Test
  @DisplayName("the moderator presents; a participant's view is refused; the others follow; a late joiner lands on the current image")
  void presenterLeads() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
      JsonObject welcome = mod.join().next("welcome");
      assertEquals(moderator.userId(), welcome.getString("presenterUserId"), "the moderator presents first");
      assertEquals(null, welcome.getValue("view"));
      doc.join().next("welcome");

      doc.send(view(patient, 3, 1));
      doc.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      mod.send(view(patient, 7, 2).put("sentAt", 1_765_000_000_123.5));
      JsonObject seen = doc.next("view");
      assertEquals(moderator.userId(), seen.getString("presenterUserId"));
      assertEquals(7, seen.getJsonObject("state").getInteger("imageIndex"));
      assertEquals(1_765_000_000_123.5, seen.getDouble("sentAt"));
      assertTrue(mod.pending().stream().noneMatch(m -> "view".equals(m.getString("type"))), "the presenter gets no echo");

      try (RoomClient late = RoomClient.enter(server, endoscopist.api(), session, false)) {
        JsonObject lateWelcome = late.join().next("welcome");
        assertEquals(moderator.userId(), lateWelcome.getString("presenterUserId"));
        JsonObject state = lateWelcome.getJsonObject("view").getJsonObject("state");
        assertEquals(7, state.getInteger("imageIndex"));
        assertEquals(SERIES, state.getString("seriesInstanceUid"));
      }
    }
  }

  @Test
  @DisplayName("view states are typed and bounded, and only name the session's patient")
  void stateChecked() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false)) {
      mod.join().next("welcome");
      mod.send(view(UUID.randomUUID().toString(), 1, 1));
      assertTrue(mod.error(ErrorCode.ROOM_NOT_ALLOWED.code()).getString("detail").contains("patient"));
      JsonObject bad = view(patient, 1, 1);
      bad.getJsonObject("state").put("imageIndex", -1).put("zoom", 1e9).put("studyInstanceUid", "<script>")
          .put("annotations", new JsonArray().add(new JsonObject().put("id", "a").put("kind", "circle")
              .put("imageIndex", 0).put("points", new JsonArray())));
      String detail = mod.send(bad).error(ErrorCode.ROOM_MESSAGE_INVALID.code()).getString("detail");
      for (String field : List.of("/state/imageIndex", "/state/zoom", "/state/studyInstanceUid", "/state/annotations")) {
        assertTrue(detail.contains(field), () -> field + " not named in: " + detail);
      }
      mod.send(view(patient, 1, 1).put("extra", true)).error(ErrorCode.ROOM_MESSAGE_INVALID.code());
    }
  }

  @Test
  @DisplayName("a participant asks for control, only the moderator (or presenter) grants it, and then the new presenter leads")
  void controlHandedOver() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false);
         RoomClient endo = RoomClient.enter(server, endoscopist.api(), session, false)) {
      mod.join().next("welcome");
      doc.join().next("welcome");
      endo.join().next("welcome");
      doc.send(new JsonObject().put("type", "control-request"));
      assertEquals(doctor.userId(), mod.next("control-requested").getString("userId"));
      endo.send(grant(doctor.userId()));
      endo.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      mod.send(grant("nobody"));
      mod.error(ErrorCode.ROOM_PEER_ABSENT.code());
      mod.send(grant(doctor.userId()));
      JsonObject presenter = endo.next("presenter");
      assertEquals(doctor.userId(), presenter.getString("userId"));
      assertEquals(moderator.userId(), presenter.getString("by"));
      doc.next("presenter");
      mod.next("presenter");

      mod.send(view(patient, 2, 5));
      mod.error(ErrorCode.ROOM_NOT_ALLOWED.code());
      doc.send(view(patient, 4, 6));
      assertEquals(4, mod.next("view").getJsonObject("state").getInteger("imageIndex"), "the former presenter follows");
      assertEquals(doctor.userId(), endo.next("view").getString("presenterUserId"));
      doc.send(grant(endoscopist.userId()));
      assertEquals(endoscopist.userId(), mod.next("presenter").getString("userId"), "a presenter may hand over");
    }
  }

  @Test
  @DisplayName("showing a series to the room is audited once per series, naming the patient, the series and who watched")
  void showingAudited() {
    try (RoomClient mod = RoomClient.enter(server, moderator.api(), session, false);
         RoomClient doc = RoomClient.enter(server, doctor.api(), session, false)) {
      mod.join().next("welcome");
      doc.join().next("welcome");
      mod.send(view(patient, 0, 1));
      mod.send(view(patient, 1, 2));
      mod.send(view(patient, 0, 3).put("state", view(patient, 0, 3).getJsonObject("state").put("seriesInstanceUid", SERIES + ".9")));
      for (int i = 0; i < 3; i++) doc.next("view");
      List<AuditEvent> shown = server.audit().awaitEvents(AuditAction.ROOM_SHARED_VIEW, e -> session.equals(e.resourceId()), 2);
      assertEquals(2, shown.size(), "scrolling within a series is not a new showing: " + shown);
      assertEquals(List.of(moderator.userId(), moderator.userId()), shown.stream().map(AuditEvent::actorUserId).toList());
      assertTrue(shown.stream().allMatch(e -> patient.equals(e.patientId())));
      assertEquals("study=" + STUDY + " series=" + SERIES + " participants=2", shown.get(0).detail());
      assertTrue(shown.get(1).detail().contains("series=" + SERIES + ".9"), shown.get(1)::detail);
    }
  }

  private static JsonObject grant(String userId) {
    return new JsonObject().put("type", "control-grant").put("userId", userId);
  }

  private static JsonObject view(String patientId, int imageIndex, int revision) {
    JsonObject state = new JsonObject().put("patientId", patientId).put("studyInstanceUid", STUDY).put("seriesInstanceUid", SERIES)
        .put("imageIndex", imageIndex).put("window", new JsonObject().put("center", -600).put("width", 1500)).put("zoom", 1.5)
        .put("pan", new JsonObject().put("x", 0).put("y", -12.5))
        .put("annotations", new JsonArray().add(new JsonObject().put("id", "m1").put("kind", "length").put("imageIndex", imageIndex)
            .put("points", new JsonArray().add(new JsonObject().put("x", 1).put("y", 2)).add(new JsonObject().put("x", 30.5).put("y", 40)))))
        .put("revision", revision);
    return new JsonObject().put("type", "view").put("state", state).put("sentAt", (double) System.currentTimeMillis());
  }
}
