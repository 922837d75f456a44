package org.consilium.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts Consilium: reads the configuration, deploys the server, and stops it gracefully on SIGTERM. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    System.setProperty("vertx.logger-delegate-factory-class-name", "io.vertx.core.logging.SLF4JLogDelegateFactory");
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Settings settings;
    try {
      settings = Settings.fromEnvironment();
    } catch (ConfigException e) {
      LOG.atError().addKeyValue("key", e.key()).log(e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    vertx.deployVerticle(new ConsiliumVerticle(settings))
        .onSuccess(id -> Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx), "consilium-shutdown")))
        .onFailure(e -> {
          LOG.atError().setCause(e).log("Consilium failed to start: " + e.getMessage());
          vertx.close().onComplete(v -> System.exit(1));
        });
  }

  /** Runs on SIGTERM/SIGINT: undeploys (finishing in-flight requests, flushing storage) before the JVM exits. */
  private static void stop(Vertx vertx) {
    LOG.info("Stopping Consilium");
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get();
      LOG.info("Consilium stopped");
    } catch (Exception e) {
      LOG.atError().setCause(e).log("Shutdown did not complete cleanly");
    }
  }
}
