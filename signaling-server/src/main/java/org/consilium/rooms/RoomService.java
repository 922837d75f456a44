package org.consilium.rooms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.config.Settings;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;

/**
 * The live rooms of this node, one per consultation session, loaded when someone first enters and dropped
 * after they have stood empty a while. Issues room tickets (with ICE servers and, for large rooms, a Jitsi
 * token), lets connections in, and keeps every connection alive with pings.
 */
public final class RoomService {

  /** Published when a moderator ends a session: {@code {sessionId, endedBy, at}}. */
  public static final String SESSION_ENDED = "consilium.rooms.session-ended";
  /** What the consultations capability announces about sessions (events, not calls: rooms do not import it). */
  private static final String SESSIONS = "consilium.consultations.";
  private static final long PING_MS = 15_000;
  private static final long SILENT_NANOS = 45_000_000_000L;
  private static final long EVICT_MS = 15 * 60_000;

  private final Vertx vertx;
  private final RoomsConfig config;
  private final RoomStore store;
  private final AuditTrail audit;
  private final RoomRoster roster;
  private final RoomTickets tickets;
  private final TurnCredentials turn;
  private final JitsiTokens jitsi;
  private final SignalCodec codec;
  private final Map<String, Future<Room>> rooms = new HashMap<>();
  private final long pinger;
  private LiveLesionDetector lesionDetector;
  private int liveFrameBytes;
  private int liveFramesPerSecond;

  private RoomService(Vertx vertx, RoomsConfig config, Store store, AuditTrail audit, RoomRoster roster) {
    this.vertx = vertx;
    this.config = config;
    this.store = new RoomStore(store);
    this.audit = audit;
    this.roster = roster;
    this.tickets = new RoomTickets(config.ticketTtl());
    this.turn = new TurnCredentials(config);
    this.jitsi = new JitsiTokens(vertx, config);
    this.codec = new SignalCodec(config.maxMessageBytes());
    this.pinger = vertx.setPeriodic(PING_MS, id -> keepAlive());
    for (String closing : List.of("session-cancelled", "session-concluded")) {
      vertx.eventBus().<JsonObject>localConsumer(SESSIONS + closing, m -> close(m.body().getString("sessionId"), closing));
    }
    vertx.eventBus().<JsonObject>localConsumer(SESSIONS + "session-rescheduled", m -> refresh(m.body().getString("sessionId")));
  }

  public static Future<RoomService> start(Vertx vertx, Settings settings, Store store, AuditTrail audit, RoomRoster roster) {
    RoomsConfig config = RoomsConfig.from(settings);
    return new RoomStore(store).ensureIndexes().map(v -> new RoomService(vertx, config, store, audit, roster));
  }

  /** Turns on live AI lesion flags in every room: frames of at most {@code frameBytes}, {@code perSecond} per connection. */
  public void flagLesionsWith(LiveLesionDetector detector, int frameBytes, int perSecond) {
    this.lesionDetector = detector;
    this.liveFrameBytes = frameBytes;
    this.liveFramesPerSecond = perSecond;
  }

  LiveLesionDetector lesionDetector() {
    return lesionDetector;
  }

  int liveFrameBytes() {
    return liveFrameBytes;
  }

  int liveFramesPerSecond() {
    return liveFramesPerSecond;
  }

  public void stop() {
    vertx.cancelTimer(pinger);
  }

  /**
   * A ticket for the room WebSocket. Invited participants and admitted guests get ICE servers (and a Jitsi
   * token for a large room); anyone else is refused, unless they {@code knock} to wait for the moderator.
   */
  Future<JsonObject> ticket(Principal who, String sessionId, boolean knock) {
    return entry(who, sessionId, knock).map(room -> {
      Instant now = Instant.now();
      boolean member = room.admits(who.userId());
      String ticket = tickets.issue(sessionId, who, !member, now);
      JsonObject reply = new JsonObject().put("ticket", ticket).put("expiresAt", tickets.expiry(now).toString())
          .put("socketPath", "/api/rooms/" + sessionId + "/socket?ticket=" + ticket)
          .put("admission", member ? "participant" : "waiting-room");
      if (!member) return reply.put("iceServers", new JsonArray());
      boolean large = usesJitsi(room.members);
      reply.put("iceServers", turn.iceServers(who.userId(), now)).put("iceTransportPolicy", config.iceTransportPolicy())
          .put("media", large ? "jitsi" : "mesh")
          .put("meshLimit", config.meshLimit());
      if (large) reply.put("jitsi", jitsi.join(sessionId, who, who.userId().equals(room.moderatorUserId), now));
      return reply;
    });
  }

  /** The room a ticket (or a bearer token, for scripts) lets this user into, checked again at connection time. */
  Future<Room> enter(Principal who, String sessionId, boolean knock) {
    return entry(who, sessionId, knock);
  }

  RoomTickets tickets() {
    return tickets;
  }

  /** Wraps an upgraded WebSocket and hands it to its room; the client's first message must be {@code join}. */
  void connect(Room room, ServerWebSocket ws, Principal who, boolean knocking, String requestId) {
    new RoomSocket(ws, who, knocking, requestId, config, codec).attach(room);
  }

  /** Every chat message of the session, for its participants; recorded before it is returned. */
  Future<List<ChatLine>> transcript(Principal who, String sessionId, AuditEvent.Builder event) {
    return entry(who, sessionId, false).compose(room -> store.transcript(sessionId).compose(lines ->
        audit.record(event.resource("room", sessionId).patient(room.members.auditedPatient())
            .detail("chat transcript, messages=" + lines.size()).build(AuditAction.READ, AuditOutcome.SUCCESS)).map(lines)));
  }

  private Future<Room> entry(Principal who, String sessionId, boolean knock) {
    return roster.members(sessionId).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(new ApiException(ErrorCode.ROOM_NOT_FOUND, "No consultation session " + sessionId));
      RoomMembers members = found.get();
      if (!members.open()) return Future.failedFuture(new ApiException(ErrorCode.ROOM_CLOSED, "The session is " + members.status()));
      return room(members).compose(room -> {
        room.members = members;
        if (room.ended) return Future.failedFuture(new ApiException(ErrorCode.ROOM_CLOSED, "The session has ended"));
        if (!room.admits(who.userId()) && !(knock && !room.removed.contains(who.userId()))) {
          return Future.failedFuture(new ApiException(ErrorCode.ROOM_NOT_PARTICIPANT,
              "You are not a participant of this session; knock to ask the moderator to let you in"));
        }
        return Future.succeededFuture(room);
      });
    });
  }

  private Future<Room> room(RoomMembers members) {
    String id = members.sessionId();
    Future<Room> loaded = rooms.get(id);
    if (loaded != null && !loaded.failed()) return loaded;
    Future<Room> loading = store.load(id, config.chatHistory()).map(saved -> new Room(this, members, saved));
    rooms.put(id, loading);
    return loading;
  }

  /** Ends the session: stored first, then everyone is told and disconnected, then the event goes out. */
  Future<Void> end(Room room, String byUserId) {
    Instant at = Instant.now();
    return store.markEnded(room.sessionId, byUserId, at).map(v -> {
      shutDown(room, Signals.byModerator("ended", byUserId));
      vertx.eventBus().publish(SESSION_ENDED, new JsonObject().put("sessionId", room.sessionId).put("endedBy", byUserId)
          .put("at", at.toString()));
      return null;
    });
  }

  /** The session was cancelled or concluded elsewhere: a live room closes with it. */
  private void close(String sessionId, String why) {
    Future<Room> loaded = rooms.get(sessionId);
    if (loaded != null && loaded.succeeded()) shutDown(loaded.result(), Signals.of("ended").put("reason", why));
  }

  /** The session's people changed: whoever no longer belongs is put out (the moderator of the roster may change). */
  private void refresh(String sessionId) {
    Future<Room> loaded = rooms.get(sessionId);
    if (loaded == null || !loaded.succeeded()) return;
    Room room = loaded.result();
    roster.members(sessionId).onSuccess(found -> found.ifPresent(members -> {
      room.members = members;
      for (Participant p : List.copyOf(room.participants.values())) {
        if (room.admits(p.userId)) continue;
        room.participants.remove(p.userId);
        if (p.connection != null) {
          p.connection.send(Signals.of("removed").put("reason", "no longer invited to this session"));
          p.connection.stage = RoomSocket.Stage.CLOSED;
          p.connection.close(4403, "no longer invited");
        }
        room.broadcast(Signals.left(p.userId, "removed"), null);
      }
    }));
  }

  private void shutDown(Room room, JsonObject farewell) {
    room.ended = true;
    room.broadcast(farewell, null);
    for (RoomSocket s : room.sockets()) {
      s.stage = RoomSocket.Stage.CLOSED;
      s.close(1000, "the session has ended");
    }
    room.participants.values().forEach(p -> p.connection = null);
    room.waiting.clear();
    rooms.remove(room.sessionId);
  }

  /** A room nobody is connected to is forgotten after a while (its chat stays stored). */
  void idleCheck(Room room) {
    if (room.occupied()) return;
    vertx.setTimer(EVICT_MS, id -> {
      if (!room.occupied() && rooms.get(room.sessionId) != null && rooms.get(room.sessionId).result() == room) {
        rooms.remove(room.sessionId);
      }
    });
  }

  private void keepAlive() {
    long now = System.nanoTime();
    for (Future<Room> f : List.copyOf(rooms.values())) {
      if (!f.succeeded()) continue;
      for (RoomSocket s : f.result().sockets()) {
        if (now - s.lastSeenNanos > SILENT_NANOS) s.close(1001, "no answer to pings");
        else s.ping();
      }
    }
  }

  Future<Void> audit(Room room, RoomSocket actor, AuditAction action, String targetUserId, String detail) {
    String note = targetUserId == null ? detail : "target=" + targetUserId + (detail == null ? "" : " " + detail);
    return auditAbout(room, actor, action, room.members.auditedPatient(), note);
  }

  /** A room event about one patient of the session (the one whose images are shown, say). */
  Future<Void> auditAbout(Room room, RoomSocket actor, AuditAction action, String patientId, String detail) {
    Principal who = actor.principal;
    return audit.record(new AuditEvent(Instant.now(), who.userId(), who.username(), who.role().wire(), who.hospitalId(),
        action, "room", room.sessionId, patientId, AuditOutcome.SUCCESS, actor.clientAddress, actor.requestId, detail));
  }

  /** Origins the web app embeds for rooms: the Jitsi deployment's, when one is configured. */
  public List<String> embeddedOrigins() {
    return config.jitsiConfigured() ? List.of("https://" + config.jitsiDomain()) : List.of();
  }

  boolean usesJitsi(RoomMembers members) {
    return config.usesJitsi(members.invitedCount());
  }

  int meshLimit() {
    return config.meshLimit();
  }

  int chatHistory() {
    return config.chatHistory();
  }

  RoomStore store() {
    return store;
  }
}
