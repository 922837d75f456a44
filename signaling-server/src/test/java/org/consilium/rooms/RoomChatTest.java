package org.consilium.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.testing.ApiClient;
import org.consilium.testing.Problems;
import org.consilium.testing.TestServer;
import org.consilium.testing.TestSessionRoster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomChatTest {

  @Test
  @DisplayName("chat is stored with the session: it survives a restart, late joiners see it, participants read the transcript")
  void chatRecord() {
    TestSessionRoster sessions = new TestSessionRoster();
    try (TestServer server = TestServer.create().withRoomRoster(sessions).start()) {
      String doctor = server.createUser("bsnoitru", Role.DISTRICT_DOCTOR, server.testHospitalId()).getString("id");
      String specialist = server.createUser("bschuyenkhoa", Role.SPECIALIST, server.testHospitalId()).getString("id");
      server.createUser("bskhac", Role.SPECIALIST, server.testHospitalId());
      String session = sessions.schedule(specialist, List.of(doctor), null);
      try (RoomClient doc = RoomClient.enter(server, as(server, "bsnoitru"), session, false)) {
        doc.join().next("welcome");
        for (String text : new String[] {"Chào các anh chị", "Đề nghị sinh thiết"}) {
          doc.send(new JsonObject().put("type", "chat").put("text", text));
          doc.next("chat");
        }
      }
      server.restart();
      try (RoomClient late = RoomClient.enter(server, as(server, "bschuyenkhoa"), session, false)) {
        JsonArray chat = late.join().next("welcome").getJsonArray("chat");
        assertEquals(List.of("Chào các anh chị", "Đề nghị sinh thiết"), chat.stream().map(JsonObject.class::cast)
            .map(m -> m.getString("text")).toList());
        assertTrue(chat.getJsonObject(0).getLong("seq") < chat.getJsonObject(1).getLong("seq"));
      }
      JsonArray items = as(server, "bschuyenkhoa").get("/api/rooms/" + session + "/chat").json().getJsonArray("items");
      assertEquals(2, items.size());
      assertEquals(doctor, items.getJsonObject(0).getString("userId"));
      Problems.assertProblem(as(server, "bskhac").get("/api/rooms/" + session + "/chat"), ErrorCode.ROOM_NOT_PARTICIPANT);
      assertTrue(server.audit().events(AuditAction.READ).stream().anyMatch(e -> session.equals(e.resourceId())
          && e.actorUserId().equals(specialist) && e.detail().contains("messages=2")), "the transcript read is audited");
      assertTrue(server.audit().events(AuditAction.ROOM_JOIN).stream().anyMatch(e -> e.actorUserId().equals(specialist)));
    }
  }

  private static ApiClient as(TestServer server, String username) {
    return server.api().token(server.login(username, TestServer.USER_PASSWORD));
  }
}
