package org.consilium.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.consilium.config.Settings;
import org.consilium.http.EndpointCatalog;
import org.consilium.http.RouteTable;
import org.consilium.store.Store;

/**
 * The composition root: builds each capability's stores and services once, and mounts their routes.
 * Capabilities never construct each other; they get what they need from here.
 */
public final class Application {

  private Application() {
  }

  static Future<Application> start(Vertx vertx, Settings settings, HttpConfig http, Store store, EndpointCatalog catalog) {
    return Future.succeededFuture(new Application());
  }

  /** Verifies bearer tokens for every authenticated route. */
  org.consilium.access.Authenticator authenticator() {
    return token -> Future.failedFuture(new org.consilium.access.Authenticator.Unauthenticated("No identity provider is configured"));
  }

  /** Mounts every capability's API on the root router. */
  void mount(Router router, RouteTable api) {
  }

  Future<Void> stop() {
    return Future.succeededFuture();
  }
}
