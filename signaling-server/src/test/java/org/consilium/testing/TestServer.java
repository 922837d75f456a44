package org.consilium.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.consilium.config.Settings;
import org.consilium.server.ConsiliumVerticle;

/**
 * A real Consilium server for a test: the production verticle on a free port, with its own data directory
 * and the embedded store (or the MongoDB given by {@link #withMongo}). Start it, call it over HTTP with
 * {@link #api()}, stop it. Restart keeps the data directory, so persistence can be tested.
 */
public final class TestServer implements AutoCloseable {

  public static final String ADMIN_PASSWORD = "Admin-Test-Password-1";

  private final Map<String, String> env = new HashMap<>();
  private final Path dataDir;
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

  public TestServer withMongo(String uri) {
    return with("MONGODB_URI", uri);
  }

  public TestServer start() {
    vertx = Vertx.vertx();
    verticle = new ConsiliumVerticle(Settings.load(env));
    await(vertx.deployVerticle(verticle));
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
