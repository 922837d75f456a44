package org.consilium.rooms;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.rooms.RoomSocket.Stage;
import org.consilium.rooms.SignalMessage.Answer;
import org.consilium.rooms.SignalMessage.Chat;
import org.consilium.rooms.SignalMessage.Ice;
import org.consilium.rooms.SignalMessage.Join;
import org.consilium.rooms.SignalMessage.Leave;
import org.consilium.rooms.SignalMessage.MediaState;
import org.consilium.rooms.SignalMessage.Offer;
import org.consilium.rooms.SignalMessage.RaiseHand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of one session's room: who is in it, who waits, who moderates, its recent chat. Every client
 * message is dispatched here, in {@link #handle}, one method per type; moderation is in {@link Moderation}.
 * A room lives on the server verticle's event loop, so its state needs no locks.
 */
final class Room {

  private static final Logger LOG = LoggerFactory.getLogger(Room.class);

  final String sessionId;
  final RoomService service;
  final Map<String, Participant> participants = new LinkedHashMap<>();
  final Map<String, RoomSocket> waiting = new LinkedHashMap<>();
  final Set<String> guests = new HashSet<>();
  final Set<String> removed = new HashSet<>();
  private final List<ChatLine> chat;
  private final Moderation moderation = new Moderation(this);
  final LiveLesionFlags live = new LiveLesionFlags(this);
  private final SharedView sharedView = new SharedView(this);
  RoomMembers members;
  String moderatorUserId;
  boolean recording;
  boolean ended;
  private long chatSeq;

  Room(RoomService service, RoomMembers members, RoomStore.Saved saved) {
    this.sessionId = members.sessionId();
    this.service = service;
    this.members = members;
    this.moderatorUserId = members.moderatorUserId();
    this.chat = new ArrayList<>(saved.recentChat());
    this.chatSeq = saved.lastSeq();
    this.ended = saved.ended();
  }

  /** May this user enter as a participant (invited or admitted, and not removed)? */
  boolean admits(String userId) {
    return !removed.contains(userId) && (members.invited(userId) || guests.contains(userId));
  }

  boolean isModerator(RoomSocket s) {
    return s.principal.userId().equals(moderatorUserId);
  }

  void handle(RoomSocket from, SignalMessage m) {
    if (m instanceof Join j) {
      join(from, j);
    } else if (from.stage == Stage.WAITING && m instanceof Leave) {
      from.stage = Stage.CLOSED;
      from.close(1000, "left");
    } else if (from.stage != Stage.JOINED) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, type(m), from.stage == Stage.WAITING
          ? "Wait until the moderator lets you in" : "Send join first");
    } else if (m instanceof Leave) {
      leave(from);
    } else if (m instanceof Offer o) {
      relay(from, o.to(), Signals.relay("offer", from.principal.userId(), "sdp", o.sdp()), "offer");
    } else if (m instanceof Answer a) {
      relay(from, a.to(), Signals.relay("answer", from.principal.userId(), "sdp", a.sdp()), "answer");
    } else if (m instanceof Ice i) {
      relay(from, i.to(), Signals.relay("ice", from.principal.userId(), "candidate", i.candidate()), "ice");
    } else if (m instanceof RaiseHand h) {
      Participant p = self(from);
      p.hand = h.raised();
      broadcast(Signals.participant("presence", p, moderatorUserId), null);
    } else if (m instanceof MediaState s) {
      Participant p = self(from);
      p.audio = s.audio();
      p.video = s.video();
      p.screen = s.screen();
      broadcast(Signals.participant("presence", p, moderatorUserId), null);
    } else if (m instanceof Chat c) {
      chat(from, c.text());
    } else if (m instanceof SignalMessage.EndoscopyStream e) {
      live.stream(from, e.on());
    } else if (m instanceof SignalMessage.View || m instanceof SignalMessage.ControlRequest || m instanceof SignalMessage.ControlGrant) {
      sharedView.handle(from, m);
    } else {
      moderation.handle(from, m);
    }
  }

  private void join(RoomSocket from, Join j) {
    String userId = from.principal.userId();
    if (from.stage != Stage.CONNECTED) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, "join", "Already joined");
      return;
    }
    if (ended) {
      refuse(from, ErrorCode.ROOM_CLOSED, "The session has ended");
      return;
    }
    if (!admits(userId)) {
      if (from.knocking && !removed.contains(userId)) knock(from);
      else refuse(from, ErrorCode.ROOM_NOT_PARTICIPANT, "You are not a participant of this session");
      return;
    }
    Participant existing = participants.get(userId);
    boolean rejoining = existing != null && existing.connected();
    if (!service.usesJitsi(members) && !rejoining && connectedCount() >= service.meshLimit()) {
      refuse(from, ErrorCode.ROOM_FULL, "A video room holds at most " + service.meshLimit() + " people");
      return;
    }
    from.stage = Stage.JOINING;
    service.audit(this, from, AuditAction.ROOM_JOIN, null, rejoining || existing != null ? "rejoin" : null).onComplete(ar -> {
      if (from.stage == Stage.CLOSED) return;
      if (ar.failed()) {
        refuse(from, ErrorCode.AUDIT_UNAVAILABLE, "The room cannot record your joining; try again shortly");
        return;
      }
      Participant p = participants.computeIfAbsent(userId, id -> new Participant(from.principal, !members.invited(id)));
      RoomSocket old = p.connection;
      p.connection = from;
      if (old != null && old != from) {
        old.stage = Stage.CLOSED;
        old.close(4409, "replaced by a newer connection");
      }
      p.audio = j.audio();
      p.video = j.video();
      p.screen = false;
      from.stage = Stage.JOINED;
      from.send(welcome(from));
      broadcast(Signals.participant("joined", p, moderatorUserId), userId);
    });
  }

  private void knock(RoomSocket from) {
    from.stage = Stage.JOINING;
    service.audit(this, from, AuditAction.ROOM_KNOCK, null, null).onComplete(ar -> {
      if (from.stage == Stage.CLOSED) return;
      if (ar.failed()) {
        refuse(from, ErrorCode.AUDIT_UNAVAILABLE, "The waiting room is not available; try again shortly");
        return;
      }
      RoomSocket old = waiting.put(from.principal.userId(), from);
      if (old != null && old != from) {
        old.stage = Stage.CLOSED;
        old.close(4409, "replaced by a newer connection");
      }
      from.stage = Stage.WAITING;
      from.send(Signals.of("waiting"));
      moderation.showWaitingRoom();
    });
  }

  /** Leaving is never refused; the others are told once it is recorded (or its recording has failed, logged). */
  private void leave(RoomSocket from) {
    Participant p = self(from);
    p.connection = null;
    p.hand = false;
    from.stage = Stage.CLOSED;
    from.close(1000, "left");
    logged(service.audit(this, from, AuditAction.ROOM_LEAVE, null, "left"))
        .onComplete(ar -> broadcast(Signals.left(p.userId, "left"), null));
    service.idleCheck(this);
  }

  /** The connection went away: a dropped network keeps the place for a rejoin. */
  void closed(RoomSocket socket) {
    String userId = socket.principal.userId();
    if (waiting.remove(userId, socket)) moderation.showWaitingRoom();
    Participant p = participants.get(userId);
    if (p != null && p.connection == socket) {
      p.connection = null;
      logged(service.audit(this, socket, AuditAction.ROOM_LEAVE, null, "dropped")).onComplete(ar -> {
        if (!p.connected()) broadcast(Signals.left(userId, "dropped"), null);
      });
    }
    live.closed(socket);
    service.idleCheck(this);
  }

  private void relay(RoomSocket from, String to, JsonObject message, String type) {
    Participant target = participants.get(to);
    if (target == null || !target.connected() || to.equals(from.principal.userId())) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, type, "No other participant '" + to + "' is connected to this room");
      return;
    }
    target.connection.send(message);
  }

  private void chat(RoomSocket from, String text) {
    Participant p = self(from);
    ChatLine line = new ChatLine(UUID.randomUUID().toString(), sessionId, ++chatSeq, p.userId, p.displayName, text,
        Instant.ofEpochMilli(System.currentTimeMillis()));
    service.store().saveChat(line).onComplete(ar -> {
      if (ar.failed()) {
        LOG.atError().setCause(ar.cause()).addKeyValue("room", sessionId).log("A chat message could not be saved");
        from.error(ErrorCode.INTERNAL, "chat", "The message was not saved; send it again");
        return;
      }
      chat.add(line);
      if (chat.size() > service.chatHistory()) chat.remove(0);
      broadcast(Signals.chat(line), null);
    });
  }

  private JsonObject welcome(RoomSocket to) {
    JsonArray people = new JsonArray();
    participants.values().forEach(p -> people.add(p.toJson(moderatorUserId)));
    JsonArray lines = new JsonArray();
    chat.forEach(l -> lines.add(l.toJson()));
    JsonObject w = Signals.of("welcome").put("sessionId", sessionId).put("userId", to.principal.userId())
        .put("moderatorUserId", moderatorUserId).put("media", service.usesJitsi(members) ? "jitsi" : "mesh")
        .put("participants", people).put("chat", lines).put("recording", recording)
        .put("endoscopyStreams", new JsonArray(List.copyOf(live.streaming())));
    sharedView.describe(w);
    if (isModerator(to)) w.put("waiting", Signals.waitingRoom(waiting.values()).getJsonArray("waiting"));
    return w;
  }

  Participant self(RoomSocket s) {
    return participants.get(s.principal.userId());
  }

  int connectedCount() {
    return (int) participants.values().stream().filter(Participant::connected).count();
  }

  /** Anyone still connected, in the room or waiting. */
  boolean occupied() {
    return !waiting.isEmpty() || connectedCount() > 0;
  }

  List<RoomSocket> sockets() {
    List<RoomSocket> all = new ArrayList<>(waiting.values());
    participants.values().stream().filter(Participant::connected).forEach(p -> all.add(p.connection));
    return all;
  }

  void broadcast(JsonObject message, String exceptUserId) {
    for (Participant p : participants.values()) {
      if (p.connected() && !p.userId.equals(exceptUserId)) p.connection.send(message);
    }
  }

  void refuse(RoomSocket s, ErrorCode code, String detail) {
    s.error(code, "join", detail);
    s.stage = Stage.CLOSED;
    s.close(4403, code.title());
  }

  Future<Void> logged(Future<Void> f) {
    return f.onFailure(e -> LOG.atError().setCause(e).addKeyValue("room", sessionId).log("A room event could not be audited"));
  }

  private static String type(SignalMessage m) {
    return SignalCodec.typeOf(m);
  }
}
