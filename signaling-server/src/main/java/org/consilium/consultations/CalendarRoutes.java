package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonReply;
import org.consilium.http.RouteTable;
import org.consilium.security.StaffDirectory;

/**
 * Each user's private iCalendar feed: make (or remake) the secret URL, see whether one exists, revoke it.
 * The feed itself is public by design (calendar apps cannot sign in): the unguessable token is the key.
 */
final class CalendarRoutes {

  static final String BASE = "/api/calendar";
  private static final Duration PAST = Duration.ofDays(30);
  private static final Duration AHEAD = Duration.ofDays(365);

  private final CalendarFeeds feeds;
  private final SessionService sessions;
  private final StaffDirectory directory;
  private final URI publicUrl;

  CalendarRoutes(CalendarFeeds feeds, SessionService sessions, StaffDirectory directory, URI publicUrl) {
    this.feeds = feeds;
    this.sessions = sessions;
    this.directory = directory;
    this.publicUrl = publicUrl;
  }

  void mount(RouteTable api) {
    api.route(GET, BASE + "/feed").roles(Role.ALL).summary("Say whether my calendar feed exists").handler(this::status);
    api.route(POST, BASE + "/feed").roles(Role.ALL).summary("Make a new private calendar feed URL").handler(this::issue);
    api.route(DELETE, BASE + "/feed").roles(Role.ALL).summary("Revoke my calendar feed").handler(this::revoke);
    api.route(GET, BASE + "/feeds/:feedToken").publicAccess().summary("A private calendar feed (the token is the key)").handler(this::feed);
  }

  private void status(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    feeds.status(who.userId()).onSuccess(made -> JsonReply.send(ctx, 200, new JsonObject().put("active", made.isPresent())
        .put("createdAt", made.map(d -> d.toInstant().toString()).orElse(null)))).onFailure(ctx::fail);
  }

  private void issue(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    feeds.issue(who.userId()).onSuccess(token -> JsonReply.send(ctx, 201, new JsonObject()
        .put("url", publicUrl.resolve(BASE + "/feeds/" + token + ".ics").toString()))).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    feeds.revoke(who.userId()).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private void feed(RoutingContext ctx) {
    String token = ctx.pathParam("feedToken");
    if (token.endsWith(".ics")) token = token.substring(0, token.length() - 4);
    Instant now = Instant.now();
    feeds.owner(token)
        .compose(owner -> owner.isEmpty() ? Future.succeededFuture(java.util.Optional.<StaffDirectory.StaffMember>empty())
            : directory.member(owner.get()))
        .compose(m -> {
          if (m.isEmpty() || !m.get().active()) {
            return Future.failedFuture(new ApiException(ErrorCode.CALENDAR_FEED_NOT_FOUND, "No such calendar feed; it may have been revoked"));
          }
          return sessions.calendarOf(m.get().id(), m.get().role() == Role.ADMINISTRATOR ? m.get().hospitalId() : null,
              now.minus(PAST), now.plus(AHEAD));
        })
        .onSuccess(list -> ctx.response().putHeader("Content-Type", "text/calendar; charset=utf-8").putHeader("Cache-Control", "no-store")
            .end(IcsCalendar.render(list, publicUrl)))
        .onFailure(ctx::fail);
  }
}
