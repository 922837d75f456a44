package org.consilium.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.consilium.access.Authenticator;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.http.ApiException;
import org.consilium.http.EndpointCatalog;
import org.consilium.http.ErrorCode;
import org.consilium.http.RouteTable;
import org.consilium.security.Identity;
import org.consilium.store.Store;

/**
 * The composition root: builds each capability's stores and services once, and mounts their routes.
 * Capabilities never construct each other; they get what they need from here.
 */
public final class Application {

  /**
   * Until the hash-chained trail is wired here, every record fails, so every audited action is refused
   * (fail closed) rather than done unrecorded. Tests pass an in-memory trail through {@link ConsiliumVerticle}.
   */
  static final AuditTrail UNAVAILABLE_AUDIT = event -> Future.failedFuture(
      new ApiException(ErrorCode.AUDIT_UNAVAILABLE, "The audit trail is not available; the action was not performed"));

  /** The audit trail every capability records through; pass it to each capability built here. */
  private final AuditTrail audit;
  private final Identity identity;

  private Application(AuditTrail audit, Identity identity) {
    this.audit = audit;
    this.identity = identity;
  }

  static Future<Application> start(Vertx vertx, Settings settings, HttpConfig http, Store store, EndpointCatalog catalog,
                                   AuditTrail auditOverride) {
    AuditTrail audit = auditOverride != null ? auditOverride : UNAVAILABLE_AUDIT;
    return Identity.start(vertx, settings, http.publicUrl(), store, audit, System.out)
        .map(identity -> new Application(audit, identity));
  }

  /** Verifies bearer tokens for every authenticated route. */
  Authenticator authenticator() {
    return identity.authenticator();
  }

  /** Mounts every capability's API on the root router. */
  void mount(Router router, RouteTable api) {
    identity.mount(api);
  }

  Future<Void> stop() {
    return identity.stop();
  }
}
