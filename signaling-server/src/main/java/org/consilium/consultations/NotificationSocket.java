package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.consilium.access.Authenticator;
import org.consilium.access.Principal;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.RouteTable;

/**
 * Live notifications over a WebSocket at {@code /api/notifications/ws}. Browsers cannot send an
 * Authorization header on a WebSocket, and a token in the URL would reach proxy logs, so the first message
 * must be {"type": "auth", "token": "<access token>"} within 10 s. The token is checked again every minute
 * (a signed-out or disabled user is cut off). Then each of the user's notifications arrives as
 * {"type": "notification", ...}; the client may send {"type": "ping"}. Anything else closes the socket.
 */
final class NotificationSocket {

  static final String PATH = NotificationRoutes.BASE + "/ws";
  private static final long AUTH_WITHIN_MS = 10_000;
  private static final long RECHECK_MS = 60_000;
  /** WebSocket close codes in the private range: 4401 unauthenticated, 4400 bad message. */
  private static final short UNAUTHENTICATED = 4401;
  private static final short BAD_MESSAGE = 4400;

  private final Vertx vertx;
  private final Authenticator authenticator;
  private final Set<String> origins;

  NotificationSocket(Vertx vertx, Authenticator authenticator, Set<String> origins) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.origins = origins;
  }

  void mount(RouteTable api) {
    api.route(GET, PATH).publicAccess().summary("Live notifications (WebSocket; authenticates by its first message)")
        .handler(this::upgrade);
  }

  private void upgrade(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin != null && !origins.contains(origin)) {
      ctx.fail(new ApiException(ErrorCode.FORBIDDEN, "WebSockets are accepted only from the Consilium web app"));
      return;
    }
    ctx.request().toWebSocket().onSuccess(this::serve).onFailure(ctx::fail);
  }

  private void serve(ServerWebSocket ws) {
    AtomicReference<Principal> who = new AtomicReference<>();
    AtomicReference<MessageConsumer<JsonObject>> consumer = new AtomicReference<>();
    long deadline = vertx.setTimer(AUTH_WITHIN_MS, t -> {
      if (who.get() == null) ws.close(UNAUTHENTICATED, "authenticate first");
    });
    long[] recheck = {-1};
    ws.textMessageHandler(text -> {
      JsonObject msg;
      try {
        msg = new JsonObject(text);
      } catch (DecodeException e) {
        ws.close(BAD_MESSAGE, "messages are JSON objects");
        return;
      }
      String type = msg.getString("type", "");
      if (who.get() == null && type.equals("auth") && msg.getValue("token") instanceof String token) {
        authenticator.authenticate(token).onSuccess(p -> {
          if (ws.isClosed()) return;
          who.set(p);
          vertx.cancelTimer(deadline);
          consumer.set(vertx.eventBus().<JsonObject>consumer(Inbox.USER_ADDRESS + p.userId(),
              m -> ws.writeTextMessage(m.body().copy().put("type", "notification").encode())));
          recheck[0] = vertx.setPeriodic(RECHECK_MS, t -> authenticator.authenticate(token)
              .onFailure(e -> ws.close(UNAUTHENTICATED, "the session ended")));
          ws.writeTextMessage(new JsonObject().put("type", "ready").put("userId", p.userId()).encode());
        }).onFailure(e -> ws.close(UNAUTHENTICATED, "invalid or expired token"));
      } else if (who.get() != null && type.equals("ping")) {
        ws.writeTextMessage(new JsonObject().put("type", "pong").encode());
      } else {
        ws.close(who.get() == null ? UNAUTHENTICATED : BAD_MESSAGE, who.get() == null ? "authenticate first" : "unknown message");
      }
    });
    ws.closeHandler(v -> {
      vertx.cancelTimer(deadline);
      if (recheck[0] >= 0) vertx.cancelTimer(recheck[0]);
      if (consumer.get() != null) consumer.get().unregister();
    });
  }
}
