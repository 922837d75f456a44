package org.consilium.rooms;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.rooms.SignalMessage.Admit;
import org.consilium.rooms.SignalMessage.Answer;
import org.consilium.rooms.SignalMessage.Chat;
import org.consilium.rooms.SignalMessage.End;
import org.consilium.rooms.SignalMessage.HandOver;
import org.consilium.rooms.SignalMessage.Ice;
import org.consilium.rooms.SignalMessage.Join;
import org.consilium.rooms.SignalMessage.Leave;
import org.consilium.rooms.SignalMessage.MediaState;
import org.consilium.rooms.SignalMessage.Mute;
import org.consilium.rooms.SignalMessage.Offer;
import org.consilium.rooms.SignalMessage.RaiseHand;
import org.consilium.rooms.SignalMessage.Recording;
import org.consilium.rooms.SignalMessage.Refuse;
import org.consilium.rooms.SignalMessage.Remove;
import org.consilium.rooms.SignalMessage.View;

/**
 * Parses one WebSocket text message into a {@link SignalMessage}: strict JSON (one object, no duplicate keys),
 * a known {@code type}, only that type's fields, each checked. Anything else is a {@link Rejected} naming the
 * problem, which the connection answers with an {@code error} message.
 */
final class SignalCodec {

  static final int MAX_CHAT = 4000;
  private static final int MAX_ID = 100;
  private static final int MAX_CANDIDATE = 2048;
  private static final String[] USER_FIELDS = {"type", "userId"};

  /** The wire name of each message type, for error replies. */
  private static final Map<Class<?>, String> TYPES = Map.ofEntries(Map.entry(Join.class, "join"), Map.entry(Leave.class, "leave"),
      Map.entry(Offer.class, "offer"), Map.entry(Answer.class, "answer"), Map.entry(Ice.class, "ice"),
      Map.entry(RaiseHand.class, "raise-hand"), Map.entry(MediaState.class, "media"), Map.entry(Chat.class, "chat"),
      Map.entry(Admit.class, "admit"), Map.entry(Refuse.class, "refuse"), Map.entry(Mute.class, "mute"),
      Map.entry(Remove.class, "remove"), Map.entry(HandOver.class, "hand-over"), Map.entry(End.class, "end"),
      Map.entry(Recording.class, "recording"),
      Map.entry(SignalMessage.EndoscopyStream.class, "endoscopy-stream"),
      Map.entry(View.class, "view"), Map.entry(SignalMessage.ControlRequest.class, "control-request"),
      Map.entry(SignalMessage.ControlGrant.class, "control-grant"));

  private final int maxBytes;

  SignalCodec(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A message the server refuses; {@code type} is what the client sent, if it could be read. */
  static final class Rejected extends RuntimeException {
    private final ErrorCode code;
    private final String type;

    Rejected(ErrorCode code, String type, String detail) {
      super(detail, null, false, false);
      this.code = code;
      this.type = type;
    }

    ErrorCode code() {
      return code;
    }

    String type() {
      return type;
    }
  }

  SignalMessage parse(String text) {
    Buffer body = Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
    if (body.length() > maxBytes) {
      throw new Rejected(ErrorCode.ROOM_MESSAGE_TOO_LARGE, null, "A message may have at most " + maxBytes + " bytes");
    }
    JsonObject json;
    try {
      json = JsonInput.parseObject(body);
    } catch (ApiException e) {
      throw new Rejected(ErrorCode.ROOM_MESSAGE_INVALID, null, e.getMessage());
    }
    if (!(json.getValue("type") instanceof String type)) {
      throw new Rejected(ErrorCode.ROOM_MESSAGE_INVALID, null, "Every message needs a string field 'type'");
    }
    try {
      return read(type, body);
    } catch (ApiException e) {
      String fields = e.errors().stream().map(f -> f.pointer() + " " + f.detail()).collect(Collectors.joining("; "));
      throw new Rejected(ErrorCode.ROOM_MESSAGE_INVALID, type, fields.isEmpty() ? e.getMessage() : fields);
    }
  }

  private SignalMessage read(String type, Buffer body) {
    SignalMessage message;
    JsonInput in;
    switch (type) {
      case "join" -> {
        in = JsonInput.of(body, "type", "audio", "video");
        message = new Join(flag(in, "audio"), flag(in, "video"));
      }
      case "leave" -> {
        in = JsonInput.of(body, "type");
        message = new Leave();
      }
      case "offer", "answer" -> {
        in = JsonInput.of(body, "type", "to", "sdp");
        String to = in.text("to", 1, MAX_ID, true);
        String sdp = sdp(in);
        message = type.equals("offer") ? new Offer(to, sdp) : new Answer(to, sdp);
      }
      case "ice" -> {
        in = JsonInput.of(body, "type", "to", "candidate");
        String to = in.text("to", 1, MAX_ID, true);
        JsonInput c = in.object("candidate", false, "candidate", "sdpMid", "sdpMLineIndex", "usernameFragment");
        if (c != null) {
          c.text("candidate", 0, MAX_CANDIDATE, true);
          c.text("sdpMid", 0, MAX_ID, false);
          c.integer("sdpMLineIndex", 0, 1000, false);
          c.text("usernameFragment", 0, MAX_ID, false);
        }
        message = new Ice(to, c == null ? null : c.raw());
      }
      case "raise-hand" -> {
        in = JsonInput.of(body, "type", "raised");
        message = new RaiseHand(flag(in, "raised"));
      }
      case "media" -> {
        in = JsonInput.of(body, "type", "audio", "video", "screen");
        message = new MediaState(flag(in, "audio"), flag(in, "video"), flag(in, "screen"));
      }
      case "chat" -> {
        in = JsonInput.of(body, "type", "text");
        message = new Chat(in.text("text", 1, MAX_CHAT, true));
      }
      case "admit", "refuse", "mute", "remove", "hand-over" -> {
        in = JsonInput.of(body, USER_FIELDS);
        String user = in.text("userId", 1, MAX_ID, true);
        message = switch (type) {
          case "admit" -> new Admit(user);
          case "refuse" -> new Refuse(user);
          case "mute" -> new Mute(user);
          case "remove" -> new Remove(user);
          default -> new HandOver(user);
        };
      }
      case "end" -> {
        in = JsonInput.of(body, "type");
        message = new End();
      }
      case "recording" -> {
        in = JsonInput.of(body, "type", "on");
        message = new Recording(flag(in, "on"));
      }
      case "endoscopy-stream" -> {
        in = JsonInput.of(body, "type", "on");
        message = new SignalMessage.EndoscopyStream(flag(in, "on"));
      }
      case "view" -> {
        in = JsonInput.of(body, "type", "state", "sentAt");
        JsonObject state = SharedView.readState(in.object("state", true, SharedView.STATE_FIELDS));
        Double sentAt = SharedView.number(in, "sentAt", 0, 1e15);
        message = new View(state, sentAt == null ? 0 : sentAt);
      }
      case "control-request" -> {
        in = JsonInput.of(body, "type");
        message = new SignalMessage.ControlRequest();
      }
      case "control-grant" -> {
        in = JsonInput.of(body, USER_FIELDS);
        message = new SignalMessage.ControlGrant(in.text("userId", 1, MAX_ID, true));
      }
      default -> throw new Rejected(ErrorCode.ROOM_MESSAGE_INVALID, type, "Unknown message type '" + abbreviate(type) + "'");
    }
    in.throwIfInvalid();
    return message;
  }

  static String typeOf(SignalMessage m) {
    return TYPES.get(m.getClass());
  }

  private static boolean flag(JsonInput in, String field) {
    return Boolean.TRUE.equals(in.bool(field, true));
  }

  /** SDP keeps its CRLF line ends, so it is read as it came, not through the trimming text reader. */
  private static String sdp(JsonInput in) {
    Object v = in.raw().getValue("sdp");
    if (!(v instanceof String s) || s.isEmpty()) {
      in.error("sdp", "is required as a string");
      return null;
    }
    if (!s.startsWith("v=0")) in.error("sdp", "must be a session description starting with v=0");
    return s;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
