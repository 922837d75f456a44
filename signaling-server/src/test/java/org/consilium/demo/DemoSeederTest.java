package org.consilium.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoSeederTest {

  @Test
  @DisplayName("DEMO_DATA=true creates the clinic of docs/demo.md, and a restart adds nothing twice")
  void seedsOnceThroughTheApi() {
    try (TestServer server = TestServer.create().with("DEMO_DATA", "true").start()) {
      assertClinic(server);
      server.restart();
      assertClinic(server);
    }
  }

  private static void assertClinic(TestServer server) {
    String doctor = login(server, "bs.lan");
    JsonObject page = server.api().token(doctor).get("/api/patients?name=nguyen").json();
    assertEquals(1, page.getInteger("total"), page::encodePrettily);
    assertEquals("Nguyễn Văn An", page.getJsonArray("items").getJsonObject(0).getString("fullName"));
    assertEquals(DemoData.PATIENTS.size(), server.api().token(doctor).get("/api/patients").json().getInteger("total"));

    String admin = login(server, "admin", TestServer.ADMIN_PASSWORD);
    JsonArray users = server.api().token(admin).get("/api/users").array();
    for (DemoData.Staff s : DemoData.STAFF) {
      long count = users.stream().filter(u -> s.username().equals(((JsonObject) u).getString("username"))).count();
      assertEquals(1, count, s.username());
    }
    // The specialist of the central hospital sees only the district's patient of the consultation they accepted.
    String specialist = login(server, "ts.minh");
    JsonArray seen = server.api().token(specialist).get("/api/patients").json().getJsonArray("items");
    assertEquals(1, seen.size(), seen::encodePrettily);
    assertEquals("Nguyễn Văn An", seen.getJsonObject(0).getString("fullName"));
    JsonArray requests = server.api().token(doctor).get("/api/consultations?view=mine").json().getJsonArray("items");
    assertEquals(1, requests.size(), "seeded once");
    assertEquals("scheduled", requests.getJsonObject(0).getString("status"));
  }

  private static String login(TestServer server, String username) {
    return login(server, username, DemoData.PASSWORD);
  }

  private static String login(TestServer server, String username, String password) {
    ApiClient.Response resp = server.api().post("/api/auth/login",
        new JsonObject().put("username", username).put("password", password));
    assertEquals(200, resp.status(), resp::toString);
    return resp.json().getString("accessToken");
  }
}
