package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonReply;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/** Each user's own inbox; nobody reads another's. */
final class NotificationRoutes {

  static final String BASE = "/api/notifications";

  private final Inbox inbox;

  NotificationRoutes(Inbox inbox) {
    this.inbox = inbox;
  }

  void mount(RouteTable api) {
    api.route(GET, BASE).roles(Role.ALL).summary("List my notifications").handler(this::list);
    api.route(POST, BASE + "/:notificationId/read").roles(Role.ALL).summary("Mark a notification read").handler(this::markRead);
  }

  private void list(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    QueryInput q = QueryInput.of(ctx, "unread");
    Boolean unread = q.oneOf("unread", v -> v.equals("true") ? java.util.Optional.of(true)
        : v.equals("false") ? java.util.Optional.of(false) : java.util.Optional.empty(), java.util.List.of("true", "false"));
    q.throwIfInvalid();
    inbox.list(who.userId(), Boolean.TRUE.equals(unread))
        .onSuccess(items -> JsonReply.send(ctx, 200, new JsonObject().put("items", new JsonArray(items)))).onFailure(ctx::fail);
  }

  private void markRead(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    inbox.markRead(who.userId(), ctx.pathParam("notificationId")).onSuccess(ok -> {
      if (!ok) ctx.fail(new ApiException(ErrorCode.NOT_FOUND, "No such notification in your inbox"));
      else ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }
}
