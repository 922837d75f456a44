package org.consilium.rooms;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.consilium.access.Authenticator;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.RequestIds;
import org.consilium.http.RouteTable;

/**
 * The room API: a ticket (with ICE servers, and a Jitsi token for large rooms), the signaling WebSocket, and the
 * chat transcript. The WebSocket route is declared public because browsers cannot send an Authorization header
 * on a WebSocket: it authenticates itself, with a single-use ticket or a bearer token, before upgrading.
 */
public final class RoomRoutes {

  private static final String BASE = "/api/rooms/:sessionId";

  private final RoomService rooms;
  private final Authenticator authenticator;
  private final Set<String> origins;

  /** {@code origins}: the public origin and any extra allowed ones; the request's own host is always allowed. */
  public RoomRoutes(RoomService rooms, Authenticator authenticator, List<String> origins) {
    this.rooms = rooms;
    this.authenticator = authenticator;
    this.origins = new HashSet<>(origins);
  }

  public void mount(RouteTable api) {
    api.route(POST, BASE + "/tickets").roles(Role.CLINICAL).summary("Get a ticket to enter a session's room")
        .handler(this::ticket);
    api.route(GET, BASE + "/socket").publicAccess()
        .summary("Room signaling WebSocket (authenticates with a room ticket or bearer token)").handler(this::socket);
    api.route(GET, BASE + "/chat").roles(Role.CLINICAL).summary("Read a session's chat transcript").handler(this::chat);
  }

  private void ticket(RoutingContext ctx) {
    JsonInput in = ctx.body().length() == 0 ? null : JsonInput.of(ctx, "knock");
    boolean knock = in != null && Boolean.TRUE.equals(in.bool("knock", false));
    if (in != null) in.throwIfInvalid();
    rooms.ticket(RouteTable.principal(ctx), ctx.pathParam("sessionId"), knock)
        .onSuccess(t -> JsonReply.send(ctx, 201, t))
        .onFailure(ctx::fail);
  }

  private void chat(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    rooms.transcript(who, ctx.pathParam("sessionId"), AuditEvent.by(ctx, who))
        .onSuccess(lines -> {
          JsonArray items = new JsonArray();
          lines.forEach(l -> items.add(l.toJson()));
          JsonReply.send(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  /** Checks origin, then who is asking, then that they belong in this room; only then upgrades. */
  private void socket(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (!"websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      ctx.fail(new ApiException(ErrorCode.BAD_REQUEST, "This endpoint speaks WebSocket only"));
      return;
    }
    if (!originAllowed(req)) {
      ctx.fail(new ApiException(ErrorCode.ROOM_ORIGIN_REFUSED, "Connections from this origin are not allowed"));
      return;
    }
    req.pause();
    String sessionId = ctx.pathParam("sessionId");
    caller(ctx, sessionId)
        .compose(entry -> rooms.enter(entry.principal(), sessionId, entry.knock())
            .compose(room -> req.toWebSocket().map(ws -> {
              rooms.connect(room, ws, entry.principal(), entry.knock(), RequestIds.of(ctx));
              return ws;
            })))
        .onFailure(ctx::fail);
  }

  private record Caller(Principal principal, boolean knock) {
  }

  private Future<Caller> caller(RoutingContext ctx, String sessionId) {
    String ticket = ctx.request().getParam("ticket");
    if (ticket != null) {
      return rooms.tickets().redeem(ticket, sessionId, Instant.now())
          .map(t -> Future.succeededFuture(new Caller(t.principal(), t.knock())))
          .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.ROOM_TICKET_INVALID,
              "The room ticket is unknown, used or expired; ask for a new one")));
    }
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Future.failedFuture(new ApiException(ErrorCode.UNAUTHENTICATED, "Connect with ?ticket= or Authorization: Bearer"));
    }
    boolean knock = "true".equals(ctx.request().getParam("knock"));
    return authenticator.authenticate(header.substring(7).trim())
        .recover(e -> Future.failedFuture(e instanceof Authenticator.Unauthenticated u
            ? new ApiException(ErrorCode.TOKEN_INVALID, u.getMessage()) : e))
        .compose(who -> Role.CLINICAL.contains(who.role()) ? Future.succeededFuture(new Caller(who, knock))
            : Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Only clinicians take part in consultations")));
  }

  /** A browser always sends Origin on a WebSocket: it must be ours. Clients without one (scripts) are not browsers. */
  private boolean originAllowed(HttpServerRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null || origins.contains(origin)) return true;
    String host = req.getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
