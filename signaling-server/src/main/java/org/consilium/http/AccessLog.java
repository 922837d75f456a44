package org.consilium.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON log line per request. It names the route pattern, never the query string or body: searches
 * carry names and citizen IDs, and patient data must never reach a log.
 */
public final class AccessLog implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger("consilium.access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addBodyEndHandler(v -> {
      Principal who = RouteTable.principalOrNull(ctx);
      LOG.atInfo()
          .addKeyValue("requestId", RequestIds.of(ctx))
          .addKeyValue("method", ctx.request().method().name())
          .addKeyValue("route", RouteTable.routePattern(ctx))
          .addKeyValue("status", ctx.response().getStatusCode())
          .addKeyValue("durationMs", (System.nanoTime() - start) / 1_000_000)
          .addKeyValue("userId", who == null ? null : who.userId())
          .log("request");
    });
    ctx.next();
  }
}
