package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.Preconditions;
import org.consilium.http.RouteTable;
import org.consilium.security.StaffDirectory;
import org.consilium.store.Store;

/**
 * Specialists publish when they can sit on a consultation; their hospital's administrators may too, for them.
 * {@code :userId} may be {@code me}. Body: {"weekly": [{"day": "monday", "from": "08:00", "to": "12:00"}],
 * "leave": [{"from": "2026-12-24", "to": "2026-12-26", "note": "..."}], "onCall": true, "version": 3}.
 */
final class AvailabilityRoutes {

  static final String BASE = "/api/availability";
  private static final int MAX_ITEMS = 100;

  private final Store store;
  private final AvailabilityStore availability;
  private final StaffDirectory directory;

  AvailabilityRoutes(Store store, AvailabilityStore availability, StaffDirectory directory) {
    this.store = store;
    this.availability = availability;
    this.directory = directory;
  }

  void mount(RouteTable api) {
    api.route(GET, BASE + "/:userId").roles(Role.ALL).summary("Read a specialist's availability").handler(this::read);
    api.route(PUT, BASE + "/:userId").roles(Role.ALL).summary("Publish a specialist's availability").handler(this::save);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    owner(who, ctx.pathParam("userId"))
        .compose(m -> store.read(() -> availability.find(m.id(), m.hospitalId())))
        .onSuccess(a -> reply(ctx, a)).onFailure(ctx::fail);
  }

  private void save(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    JsonInput in = JsonInput.of(ctx, "weekly", "leave", "onCall", "version");
    long expected = Preconditions.expectedVersion(ctx, in.integer("version", 0, Long.MAX_VALUE, false));
    List<Availability.Slot> weekly = slots(in);
    List<Availability.Leave> leave = leave(in);
    Boolean onCall = in.bool("onCall", false);
    in.throwIfInvalid();
    owner(who, ctx.pathParam("userId")).compose(m -> {
      Availability next = new Availability(m.id(), m.hospitalId(), Availability.sorted(weekly), leave, Boolean.TRUE.equals(onCall),
          expected + 1, RequestService.now());
      return store.write(() -> availability.replace(next)).compose(ok -> ok ? Future.succeededFuture(next)
          : Future.failedFuture(new ApiException(ErrorCode.PRECONDITION_FAILED, "The availability was changed meanwhile; read it again")));
    }).onSuccess(a -> reply(ctx, a)).onFailure(ctx::fail);
  }

  /** The clinician whose availability this is: the caller, or one of an administrator's own hospital. */
  private Future<StaffDirectory.StaffMember> owner(Principal who, String userId) {
    String id = userId.equals("me") ? who.userId() : userId;
    return directory.member(id).compose(m -> {
      boolean allowed = m.isPresent() && Role.CLINICAL.contains(m.get().role())
          && (id.equals(who.userId()) || who.has(Role.ADMINISTRATOR) && who.hospitalId().equals(m.get().hospitalId()));
      return allowed ? Future.succeededFuture(m.get())
          : Future.failedFuture(new ApiException(ErrorCode.USER_NOT_FOUND, "No such clinician among those whose availability you keep"));
    });
  }

  private static List<Availability.Slot> slots(JsonInput in) {
    JsonArray a = in.array("weekly", MAX_ITEMS, false);
    List<Availability.Slot> out = new ArrayList<>();
    if (a == null) return out;
    for (int i = 0; i < a.size(); i++) {
      JsonObject o = a.getValue(i) instanceof JsonObject j ? j : new JsonObject();
      DayOfWeek day = null;
      try {
        day = DayOfWeek.valueOf(String.valueOf(o.getValue("day")).toUpperCase());
      } catch (IllegalArgumentException e) {
        in.error("weekly", "item " + i + ": day must be monday..sunday");
      }
      int from = Availability.minutes(o.getValue("from") instanceof String s ? s : null);
      int to = Availability.minutes(o.getValue("to") instanceof String s ? s : null);
      if (from < 0 || to < 0 || from >= to) in.error("weekly", "item " + i + ": from and to must be HH:mm with from before to (to may be 24:00)");
      else if (day != null) out.add(new Availability.Slot(day, from, to));
    }
    return out;
  }

  private static List<Availability.Leave> leave(JsonInput in) {
    JsonArray a = in.array("leave", MAX_ITEMS, false);
    List<Availability.Leave> out = new ArrayList<>();
    if (a == null) return out;
    for (int i = 0; i < a.size(); i++) {
      JsonObject o = a.getValue(i) instanceof JsonObject j ? j : new JsonObject();
      try {
        LocalDate from = LocalDate.parse(String.valueOf(o.getValue("from")));
        LocalDate to = LocalDate.parse(String.valueOf(o.getValue("to")));
        String note = o.getValue("note") instanceof String s && s.length() <= 200 ? s.strip() : null;
        if (to.isBefore(from)) in.error("leave", "item " + i + ": to is before from");
        else out.add(new Availability.Leave(from, to, note));
      } catch (java.time.format.DateTimeParseException e) {
        in.error("leave", "item " + i + ": from and to must be dates as YYYY-MM-DD");
      }
    }
    return out;
  }

  private static void reply(RoutingContext ctx, Availability a) {
    Preconditions.etag(ctx, a.version());
    JsonReply.send(ctx, 200, a.toJson());
  }
}
