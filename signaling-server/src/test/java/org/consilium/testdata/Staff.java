package org.consilium.testdata;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.access.Role;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;

/** Signed-in users for tests, created through the admin API: {@code Staff.in(server, hospitalId, Role.SPECIALIST)}. */
public record Staff(String userId, String hospitalId, Role role, ApiClient api) {

  private static final AtomicInteger SERIAL = new AtomicInteger();

  /** A new user of {@code role} in {@code hospitalId}, signed in. */
  public static Staff in(TestServer server, String hospitalId, Role role) {
    String username = "staff" + SERIAL.incrementAndGet() + "x" + System.nanoTime() % 1_000_000;
    JsonObject user = server.createUser(username, role, hospitalId);
    return new Staff(user.getString("id"), hospitalId, role, server.api().token(server.login(username, TestServer.USER_PASSWORD)));
  }

  /** A new hospital (another one than the test hospital), by its id. */
  public static String newHospital(TestServer server, String name) {
    String code = "BV" + SERIAL.incrementAndGet() + "X" + System.nanoTime() % 100_000;
    return server.createHospital(code, name, "central").getString("id");
  }
}
