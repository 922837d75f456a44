package org.consilium.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.demo.DemoSeeder;
import org.consilium.http.EndpointCatalog;
import org.consilium.rooms.RoomRoster;
import org.consilium.store.Store;
import org.consilium.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployment unit: config, then storage, then the capabilities, then the HTTP server. Stopping runs the
 * other way: stop accepting, let in-flight requests finish within the grace period, then flush storage.
 */
public final class ConsiliumVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ConsiliumVerticle.class);

  private final Settings settings;
  private final UnaryOperator<AuditTrail> auditAround;
  private final RoomRoster roomRoster;
  private final EndpointCatalog catalog = new EndpointCatalog();
  private HttpConfig http;
  private Store store;
  private Application application;
  private HttpServer server;

  public ConsiliumVerticle(Settings settings) {
    this(settings, UnaryOperator.identity());
  }

  /** A verticle whose audit trail is wrapped by {@code auditAround} (tests observe or refuse records). */
  public ConsiliumVerticle(Settings settings, UnaryOperator<AuditTrail> auditAround) {
    this(settings, auditAround, null);
  }

  /** Tests may also say who belongs in which session's room ({@code null}: the consultation sessions do). */
  public ConsiliumVerticle(Settings settings, UnaryOperator<AuditTrail> auditAround, RoomRoster roomRoster) {
    this.settings = settings;
    this.auditAround = auditAround;
    this.roomRoster = roomRoster;
  }

  @Override
  public Future<?> start() {
    http = HttpConfig.from(settings);
    StoreConfig storeConfig = StoreConfig.from(settings);
    return Store.open(vertx, storeConfig)
        .compose(s -> {
          store = s;
          return Application.start(vertx, settings, http, store, catalog, auditAround, roomRoster);
        })
        .compose(app -> {
          application = app;
          Router router = RootRouter.create(vertx, http, store, app, catalog);
          return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
              .requestHandler(router)
              .listen(http.port(), http.host());
        })
        .compose(s -> {
          server = s;
          LOG.atInfo().addKeyValue("port", s.actualPort()).addKeyValue("publicUrl", http.publicUrl().toString())
              .log("Consilium is listening");
          return settings.bool("DEMO_DATA")
              ? DemoSeeder.seed(vertx, s.actualPort(), settings.string("ADMIN_PASSWORD")) : Future.succeededFuture();
        });
  }

  @Override
  public Future<?> stop() {
    Future<Void> stopped = server == null ? Future.succeededFuture()
        : server.shutdown(http.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
    return stopped
        .eventually(() -> application == null ? Future.succeededFuture() : application.stop())
        .eventually(() -> store == null ? Future.succeededFuture() : store.close());
  }

  /** The port actually bound (tests start on port 0). */
  public int port() {
    return server.actualPort();
  }

  public EndpointCatalog endpoints() {
    return catalog;
  }

  public Store store() {
    return store;
  }

  public Application application() {
    return application;
  }
}
