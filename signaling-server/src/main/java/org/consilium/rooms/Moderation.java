package org.consilium.rooms;

import io.vertx.core.Future;
import org.consilium.audit.AuditAction;
import org.consilium.http.ErrorCode;
import org.consilium.rooms.RoomSocket.Stage;
import org.consilium.rooms.SignalMessage.Admit;
import org.consilium.rooms.SignalMessage.End;
import org.consilium.rooms.SignalMessage.HandOver;
import org.consilium.rooms.SignalMessage.Mute;
import org.consilium.rooms.SignalMessage.Recording;
import org.consilium.rooms.SignalMessage.Refuse;
import org.consilium.rooms.SignalMessage.Remove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the moderator may do in a room. Each action is recorded in the audit trail first and takes effect
 * only once recorded (fail closed): an unrecorded removal or ending never happens.
 */
final class Moderation {

  private static final Logger LOG = LoggerFactory.getLogger(Moderation.class);

  private final Room room;

  Moderation(Room room) {
    this.room = room;
  }

  void handle(RoomSocket from, SignalMessage m) {
    String type = SignalCodec.typeOf(m);
    if (!room.isModerator(from)) {
      from.error(ErrorCode.ROOM_NOT_ALLOWED, type, "Only the moderator may " + type);
      return;
    }
    if (m instanceof Admit a) {
      admitOrRefuse(from, a.userId(), true);
    } else if (m instanceof Refuse r) {
      admitOrRefuse(from, r.userId(), false);
    } else if (m instanceof Mute mute) {
      mute(from, mute.userId());
    } else if (m instanceof Remove r) {
      remove(from, r.userId());
    } else if (m instanceof HandOver h) {
      handOver(from, h.userId());
    } else if (m instanceof End) {
      end(from);
    } else if (m instanceof Recording r) {
      then(from, type, AuditAction.ROOM_RECORDING, null, r.on() ? "on" : "off", () -> {
        room.recording = r.on();
        room.broadcast(Signals.byModerator("recording", from.principal.userId()).put("on", r.on()), null);
      });
    } else {
      LOG.atWarn().addKeyValue("type", type).log("Unhandled room message");
      from.error(ErrorCode.ROOM_MESSAGE_INVALID, type, "This message is not handled");
    }
  }

  /** Tells the moderator, if connected, who is waiting now. */
  void showWaitingRoom() {
    Participant moderator = room.participants.get(room.moderatorUserId);
    if (moderator != null && moderator.connected()) moderator.connection.send(Signals.waitingRoom(room.waiting.values()));
  }

  private void admitOrRefuse(RoomSocket from, String userId, boolean admit) {
    RoomSocket knocker = room.waiting.get(userId);
    String type = admit ? "admit" : "refuse";
    if (knocker == null) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, type, "Nobody '" + userId + "' is in the waiting room");
      return;
    }
    then(from, type, admit ? AuditAction.ROOM_ADMIT : AuditAction.ROOM_REFUSE, userId, null, () -> {
      if (room.waiting.remove(userId, knocker)) {
        if (admit) {
          room.guests.add(userId);
          room.removed.remove(userId);
        }
        knocker.send(Signals.byModerator(admit ? "admitted" : "refused", from.principal.userId()));
        knocker.stage = Stage.CLOSED;
        if (admit) knocker.close(1000, "admitted: connect again with a new ticket");
        else knocker.close(4403, "refused");
      }
      showWaitingRoom();
    });
  }

  private void mute(RoomSocket from, String userId) {
    Participant target = room.participants.get(userId);
    if (target == null || !target.connected()) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, "mute", "No participant '" + userId + "' is connected");
      return;
    }
    then(from, "mute", AuditAction.ROOM_MUTE, userId, null, () -> {
      target.audio = false;
      if (target.connected()) target.connection.send(Signals.byModerator("muted", from.principal.userId()));
      room.broadcast(Signals.participant("presence", target, room.moderatorUserId), null);
    });
  }

  private void remove(RoomSocket from, String userId) {
    Participant target = room.participants.get(userId);
    if (target == null || userId.equals(from.principal.userId())) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, "remove", "No other participant '" + userId + "' is in the room");
      return;
    }
    then(from, "remove", AuditAction.ROOM_REMOVE, userId, null, () -> {
      room.removed.add(userId);
      room.guests.remove(userId);
      room.participants.remove(userId);
      RoomSocket socket = target.connection;
      target.connection = null;
      if (socket != null) {
        socket.send(Signals.byModerator("removed", from.principal.userId()));
        socket.stage = Stage.CLOSED;
        socket.close(4403, "removed by the moderator");
      }
      room.broadcast(Signals.left(userId, "removed"), null);
    });
  }

  private void handOver(RoomSocket from, String userId) {
    Participant target = room.participants.get(userId);
    if (target == null || !target.connected() || userId.equals(from.principal.userId())) {
      from.error(ErrorCode.ROOM_PEER_ABSENT, "hand-over", "No other participant '" + userId + "' is connected");
      return;
    }
    then(from, "hand-over", AuditAction.ROOM_MODERATOR_HANDOVER, userId, null, () -> {
      room.moderatorUserId = userId;
      room.broadcast(Signals.of("moderator").put("userId", userId).put("by", from.principal.userId()), null);
      showWaitingRoom();
    });
  }

  private void end(RoomSocket from) {
    then(from, "end", AuditAction.ROOM_END, null, null, () -> room.service.end(room, from.principal.userId())
        .onFailure(e -> from.error(ErrorCode.INTERNAL, "end", "The session could not be ended; try again")));
  }

  /** Records the action, then does it; a refused record is reported to the moderator and nothing happens. */
  private void then(RoomSocket from, String type, AuditAction action, String target, String detail, Runnable effect) {
    Future<Void> recorded = room.service.audit(room, from, action, target, detail);
    recorded.onComplete(ar -> {
      if (ar.failed()) {
        from.error(ErrorCode.AUDIT_UNAVAILABLE, type, "Not done: the action could not be recorded");
      } else if (!room.ended) {
        effect.run();
      }
    });
  }
}
