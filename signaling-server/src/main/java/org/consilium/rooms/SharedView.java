package org.consilium.rooms;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.rooms.SignalMessage.ControlGrant;
import org.consilium.rooms.SignalMessage.ControlRequest;
import org.consilium.rooms.SignalMessage.View;

/**
 * The images everyone in a room looks at together. One participant presents (the moderator, until control is
 * granted to someone else); only the presenter's viewer state is passed on, and the latest one is kept so that
 * a late joiner lands on the image the others see. The state only names images: each follower loads them
 * through DICOMweb, with its own care check and audit.
 */
final class SharedView {

  static final int MAX_ANNOTATIONS = 200;
  private static final int MAX_POINTS = 64;
  private static final int MAX_INDEX = 100_000;
  private static final double MAX_COORDINATE = 1e6;
  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  static final String[] STATE_FIELDS = {"patientId", "studyInstanceUid", "seriesInstanceUid", "imageIndex", "window",
      "zoom", "pan", "annotations", "revision"};

  private final Room room;
  /** Null: the moderator presents. */
  private String presenterUserId;
  private JsonObject latest;

  SharedView(Room room) {
    this.room = room;
  }

  String presenter() {
    return presenterUserId == null ? room.moderatorUserId : presenterUserId;
  }

  /** What a newcomer's welcome says about the shared view. */
  void describe(JsonObject welcome) {
    welcome.put("presenterUserId", presenter()).put("view", latest)
        .put("patientIds", new JsonArray(new java.util.ArrayList<Object>(room.members.patientIds())));
  }

  void handle(RoomSocket from, SignalMessage m) {
    String userId = from.principal.userId();
    if (m instanceof View v) {
      if (!userId.equals(presenter())) {
        from.error(ErrorCode.ROOM_NOT_ALLOWED, "view", "Only the presenter may move the shared view; ask for control");
      } else if (!room.members.patientIds().contains(v.state().getString("patientId"))) {
        from.error(ErrorCode.ROOM_NOT_ALLOWED, "view", "Only the images of this session's patient may be shown here");
      } else {
        if (showsOtherSeries(v.state())) audit(from, v.state());
        latest = Signals.of("view").put("presenterUserId", userId).put("state", v.state()).put("sentAt", v.sentAt());
        room.broadcast(latest, userId);
      }
    } else if (m instanceof ControlRequest) {
      room.broadcast(Signals.of("control-requested").put("userId", userId), null);
    } else if (m instanceof ControlGrant g) {
      grant(from, g.userId());
    }
  }

  private boolean showsOtherSeries(JsonObject state) {
    JsonObject before = latest == null ? null : latest.getJsonObject("state");
    return state.getString("seriesInstanceUid") != null && (before == null
        || !state.getString("seriesInstanceUid").equals(before.getString("seriesInstanceUid"))
        || !state.getString("patientId").equals(before.getString("patientId")));
  }

  /**
   * Who showed which series to the room, once per series (not per scroll). It does not hold the view back: each
   * follower's frame reads are audited before they are answered, so the record of the showing may follow.
   */
  private void audit(RoomSocket from, JsonObject state) {
    String detail = "study=" + state.getString("studyInstanceUid") + " series=" + state.getString("seriesInstanceUid")
        + " participants=" + room.connectedCount();
    room.logged(room.service.auditAbout(room, from, AuditAction.ROOM_SHARED_VIEW, state.getString("patientId"), detail));
  }

  private void grant(RoomSocket from, String to) {
    String userId = from.principal.userId();
    if (!room.isModerator(from) && !userId.equals(presenter())) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, "control-grant", "Only the moderator or the presenter may hand over control");
      return;
    }
    Participant target = room.participants.get(to);
    if (target == null || !target.connected()) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, "control-grant", "No participant '" + to + "' is connected to this room");
      return;
    }
    presenterUserId = to;
    room.broadcast(Signals.of("presenter").put("userId", to).put("by", userId), null);
  }

  /** Reads a viewer state (as ViewerState.ts writes it) strictly: typed, bounded, nothing unknown. */
  static JsonObject readState(JsonInput in) {
    if (in == null) return null;
    in.text("patientId", 1, 100, true);
    uid(in, "studyInstanceUid");
    uid(in, "seriesInstanceUid");
    in.integer("imageIndex", 0, MAX_INDEX, true);
    in.integer("revision", 0, Long.MAX_VALUE, true);
    JsonInput window = in.object("window", false, "center", "width");
    if (window != null) {
      number(window, "center", -MAX_COORDINATE, MAX_COORDINATE);
      number(window, "width", 1, MAX_COORDINATE);
    }
    number(in, "zoom", 0.1, 20);
    point(in.object("pan", true, "x", "y"));
    JsonArray annotations = in.array("annotations", MAX_ANNOTATIONS, true);
    if (annotations != null && annotations.size() <= MAX_ANNOTATIONS) {
      for (int i = 0; i < annotations.size(); i++) annotation(in, annotations, i);
    }
    return in.raw();
  }

  /** One measurement: {@code {id, kind: length|area, imageIndex, points: [{x, y}, ...]}}; problems named by item. */
  private static void annotation(JsonInput in, JsonArray list, int i) {
    String problem = annotationProblem(list.getValue(i));
    if (problem != null) in.error("annotations", "item " + i + ": " + problem);
  }

  private static String annotationProblem(Object value) {
    if (!(value instanceof JsonObject a)) return "must be an object";
    if (!a.fieldNames().stream().allMatch(f -> f.equals("id") || f.equals("kind") || f.equals("imageIndex") || f.equals("points"))) {
      return "may hold only id, kind, imageIndex and points";
    }
    if (!(a.getValue("id") instanceof String id) || id.isEmpty() || id.length() > 100) return "id must be a string of 1 to 100 characters";
    if (!"length".equals(a.getValue("kind")) && !"area".equals(a.getValue("kind"))) return "kind must be length or area";
    if (!(a.getValue("imageIndex") instanceof Integer n) || n < 0 || n > MAX_INDEX) return "imageIndex must be a whole number 0.." + MAX_INDEX;
    if (!(a.getValue("points") instanceof JsonArray points) || points.size() < 2 || points.size() > MAX_POINTS) {
      return "points must be an array of 2 to " + MAX_POINTS + " points";
    }
    for (Object p : points) {
      if (!(p instanceof JsonObject o) || o.size() != 2 || !coordinate(o.getValue("x")) || !coordinate(o.getValue("y"))) {
        return "every point must be {x, y} with finite numbers";
      }
    }
    return null;
  }

  private static boolean coordinate(Object v) {
    return v instanceof Number n && Double.isFinite(n.doubleValue()) && Math.abs(n.doubleValue()) <= MAX_COORDINATE;
  }

  private static void point(JsonInput p) {
    if (p == null) return;
    number(p, "x", -MAX_COORDINATE, MAX_COORDINATE);
    number(p, "y", -MAX_COORDINATE, MAX_COORDINATE);
  }

  private static void uid(JsonInput in, String field) {
    String uid = in.text(field, 1, 64, true);
    if (uid != null && !uid.isEmpty() && !UID.matcher(uid).matches()) in.error(field, "must be a DICOM UID (digits and dots)");
  }

  static Double number(JsonInput in, String field, double min, double max) {
    Object v = in.raw().getValue(field);
    if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      in.error(field, "is required as a number");
      return null;
    }
    if (n.doubleValue() < min || n.doubleValue() > max) in.error(field, "must be between " + min + " and " + max);
    return n.doubleValue();
  }
}
