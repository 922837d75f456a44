package org.consilium.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;
import org.consilium.store.Store;
import org.consilium.store.StoreConfig;
import org.consilium.testing.ApiClient;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static final Pattern BANNER_PASSWORD = Pattern.compile("password: (\\S+)");

  @Test
  @DisplayName("the first administrator and hospital SYS are created once and survive a restart")
  void createdOnceAndPersisted() {
    try (TestServer server = TestServer.create().start()) {
      assertAdministrationOnce(server);
      server.restart();
      assertAdministrationOnce(server);
    }
  }

  private static void assertAdministrationOnce(TestServer server) {
    JsonArray admins = server.admin().get("/api/users?role=administrator").array();
    assertEquals(1, admins.size(), admins::encode);
    assertEquals("admin", admins.getJsonObject(0).getString("username"));
    List<JsonObject> sys = server.admin().get("/api/hospitals").array().stream().map(JsonObject.class::cast)
        .filter(h -> h.getString("code").equals("SYS")).toList();
    assertEquals(1, sys.size());
    assertEquals("central", sys.get(0).getString("level"));
    assertEquals("Consilium", sys.get(0).getString("name"));
  }

  @Test
  @DisplayName("without ADMIN_PASSWORD a 20-character password is printed once on the console, never logged")
  void generatedPasswordPrintedOnce() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    TestServer server = TestServer.create().with("ADMIN_PASSWORD", "");
    try {
      server.start();
      server.restart();
    } finally {
      System.setOut(original);
    }
    try {
      String out = captured.toString(StandardCharsets.UTF_8);
      Matcher m = BANNER_PASSWORD.matcher(out);
      assertTrue(m.find(), "a banner with the password");
      String password = m.group(1);
      assertEquals(20, password.length());
      assertTrue(!m.find(), "printed once, not again after the restart");
      out.lines().filter(l -> l.startsWith("{")).forEach(l -> assertTrue(!l.contains(password), "logged: " + l));
      assertEquals(200, server.api().token(server.login("admin", password)).get("/api/me").status());
    } finally {
      server.close();
    }
  }

  @Test
  @DisplayName("two nodes bootstrapping one database at once create one administrator and print one password")
  void concurrentBootstrap() throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("consilium-bootstrap");
    Store store = TestServer.await(Store.open(vertx, StoreConfig.from(Settings.load(Map.of("DATA_DIR", dir.toString())))));
    try {
      HospitalStore hospitals = new HospitalStore(store);
      UserStore users = new UserStore(store);
      TestServer.await(Future.all(hospitals.ensureIndexes(), users.ensureIndexes()));
      PasswordHasher hasher = TestServer.await(PasswordHasher.create(vertx));
      ByteArrayOutputStream consoleA = new ByteArrayOutputStream();
      ByteArrayOutputStream consoleB = new ByteArrayOutputStream();
      Future<Void> a = new Bootstrap(hospitals, users, hasher, new PrintStream(consoleA, true, StandardCharsets.UTF_8)).ensureAdministrator("");
      Future<Void> b = new Bootstrap(hospitals, users, hasher, new PrintStream(consoleB, true, StandardCharsets.UTF_8)).ensureAdministrator("");
      TestServer.await(Future.all(a, b));
      assertEquals(1, TestServer.await(users.list(null, org.consilium.access.Role.ADMINISTRATOR)).size());
      assertEquals(1, TestServer.await(hospitals.list(false)).stream().filter(h -> h.code().equals("SYS")).count());
      int banners = (consoleA.size() > 0 ? 1 : 0) + (consoleB.size() > 0 ? 1 : 0);
      assertEquals(1, banners, "exactly one node prints a password");
    } finally {
      TestServer.await(store.close());
      TestServer.await(vertx.close());
    }
  }

  @Test
  @DisplayName("without JWT_SECRET a key is generated into keys/jwt.key (0600) and reused: tokens survive a restart")
  void jwtKeyFilePersisted() throws Exception {
    try (TestServer server = TestServer.create().start()) {
      Path key = server.dataDir().resolve("keys").resolve("jwt.key");
      assertTrue(Files.exists(key));
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent())));
      String secret = Files.readString(key).strip();
      assertEquals(43, secret.length(), "32 random bytes, base64url");

      String token = server.login("admin", TestServer.ADMIN_PASSWORD);
      server.restart();
      assertEquals(secret, Files.readString(key).strip());
      ApiClient.Response me = server.api().token(token).get("/api/me");
      assertEquals(200, me.status(), me::toString);
    }
  }

  @Test
  @DisplayName("a too-short ADMIN_PASSWORD or JWT_SECRET stops the start with the key named")
  void badSecretsRefused() {
    ConfigException admin = assertThrows(ConfigException.class,
        () -> TestServer.create().with("ADMIN_PASSWORD", "short").start().close());
    assertEquals("ADMIN_PASSWORD", admin.key());
    ConfigException jwt = assertThrows(ConfigException.class,
        () -> TestServer.create().with("JWT_SECRET", "too-short").start().close());
    assertEquals("JWT_SECRET", jwt.key());
  }
}
