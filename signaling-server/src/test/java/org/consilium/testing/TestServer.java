package org.consilium.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.access.Role;
import org.consilium.config.Settings;
import org.consilium.server.ConsiliumVerticle;

/**
 * A real Consilium server for a test: the production verticle on a free port, with its own data directory
 * and the embedded store (or the MongoDB given by {@link #withMongo}). Start it, call it over HTTP with
 * {@link #api()}, stop it. Restart keeps the data directory, so persistence can be tested.
 */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Admin-Test-Password-1";
  /** The password {@link #createUser} gives every user. */
  public static final String USER_PASSWORD = "User-Test-Password-1";

  private final Map<String, String> env = new HashMap<>();
  private final Path dataDir;
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final AtomicInteger sequence = new AtomicInteger();
  private String adminToken;
  private org.consilium.rooms.RoomRoster roomRoster;
  private String hospitalId;
  private Vertx vertx;
  private ConsiliumVerticle verticle;

  private TestServer(Path dataDir) {
    this.dataDir = dataDir;
    env.put("DATA_DIR", dataDir.toString());
    env.put("HTTP_PORT", "0");
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("SHUTDOWN_GRACE_SECONDS", "5");
  }

  /** A server with a fresh, empty data directory. */
  public static TestServer create() {
    try {
      return new TestServer(Files.createTempDirectory("consilium-test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any configuration key of the reference, as an environment variable would set it. */
  public TestServer with(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** Rooms take their sessions from {@code roster} instead of the consultations capability (see TestSessionRoster). */
  public TestServer withRoomRoster(org.consilium.rooms.RoomRoster roster) {
    this.roomRoster = roster;
    return this;
  }

  public TestServer withMongo(String uri) {
    return with("MONGODB_URI", uri);
  }

  public TestServer start() {
    vertx = Vertx.vertx();
    adminToken = null;
    verticle = new ConsiliumVerticle(Settings.load(env), audit::around, roomRoster);
    try {
      await(vertx.deployVerticle(verticle));
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    return this;
  }

  /** Stops gracefully, as SIGTERM would. */
  public void stop() {
    if (vertx != null) {
      await(vertx.close());
      vertx = null;
    }
  }

  public TestServer restart() {
    stop();
    return start();
  }

  public int port() {
    return verticle.port();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public Path dataDir() {
    return dataDir;
  }

  public ConsiliumVerticle verticle() {
    return verticle;
  }

  public Vertx vertx() {
    return vertx;
  }

  public ApiClient api() {
    return new ApiClient(baseUrl());
  }

  /** Every audit event the server recorded. */
  public RecordingAuditTrail audit() {
    return audit;
  }

  /** Signs in over the API and returns the access token; fails the test if the sign-in fails. */
  public String login(String username, String password) {
    ApiClient.Response resp = api().post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
    if (resp.status() != 200) throw new AssertionError("login of " + username + " failed: " + resp);
    return resp.json().getString("accessToken");
  }

  /** An access token of the bootstrap administrator (one sign-in per start). */
  public String adminToken() {
    if (adminToken == null) adminToken = login("admin", ADMIN_PASSWORD);
    return adminToken;
  }

  /** The API as the bootstrap administrator. */
  public ApiClient admin() {
    return api().token(adminToken());
  }

  /** Registers a hospital through the admin API; level is commune, district, provincial or central. */
  public JsonObject createHospital(String code, String name, String level) {
    ApiClient.Response resp = admin().post("/api/hospitals", new JsonObject().put("code", code).put("name", name)
        .put("level", level).put("province", "Hà Nội"));
    if (resp.status() != 201) throw new AssertionError("hospital " + code + " not created: " + resp);
    return resp.json();
  }

  /** A hospital for tests that need one but do not care which (created once per server). */
  public String testHospitalId() {
    if (hospitalId == null) {
      hospitalId = createHospital("TEST" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100_000,
          "Bệnh viện Kiểm thử", "district").getString("id");
    }
    return hospitalId;
  }

  /** Creates a user through the admin API with password {@link #USER_PASSWORD}; returns the user JSON. */
  public JsonObject createUser(String username, Role role, String hospitalId) {
    ApiClient.Response resp = admin().post("/api/users", new JsonObject().put("username", username)
        .put("displayName", "Bác sĩ " + username).put("role", role.wire()).put("hospitalId", hospitalId)
        .put("email", username + "@benhvien.test").put("password", USER_PASSWORD));
    if (resp.status() != 201) throw new AssertionError("user " + username + " not created: " + resp);
    return resp.json();
  }

  /** A fresh user of the given role in the test hospital, signed in: returns its access token. */
  public String tokenFor(Role role) {
    String username = role.wire().replace("_", "") + sequence.incrementAndGet();
    createUser(username, role, testHospitalId());
    return login(username, USER_PASSWORD);
  }

  @Override
  public void close() {
    stop();
  }

  /** Blocks the test thread (never an event loop) until the Future completes. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
