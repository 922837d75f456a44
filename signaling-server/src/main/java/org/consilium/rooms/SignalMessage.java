package org.consilium.rooms;

import io.vertx.core.json.JsonObject;

/**
 * Every message a client may send on the room WebSocket, told apart by the one field {@code type}.
 * {@link SignalCodec} parses them (the only place), {@link Room#handle} dispatches them (the only place).
 * docs/rooms.md lists each with who may send it and what the server checks.
 */
sealed interface SignalMessage {

  /** The first message on a connection: enter the room (or the waiting room) with this media state. */
  record Join(boolean audio, boolean video) implements SignalMessage {
  }

  /** Leave on purpose (a dropped connection is not a leave: the place is kept for a rejoin). */
  record Leave() implements SignalMessage {
  }

  /** WebRTC session description for one named participant. */
  record Offer(String to, String sdp) implements SignalMessage {
  }

  record Answer(String to, String sdp) implements SignalMessage {
  }

  /** A trickled ICE candidate for one named participant; {@code candidate} null means end of candidates. */
  record Ice(String to, JsonObject candidate) implements SignalMessage {
  }

  record RaiseHand(boolean raised) implements SignalMessage {
  }

  /** The sender's own microphone, camera and screen-share state. */
  record MediaState(boolean audio, boolean video, boolean screen) implements SignalMessage {
  }

  record Chat(String text) implements SignalMessage {
  }

  /** Moderator: let someone in from the waiting room. */
  record Admit(String userId) implements SignalMessage {
  }

  /** Moderator: turn someone in the waiting room away. */
  record Refuse(String userId) implements SignalMessage {
  }

  /** Moderator: ask a participant's microphone to be turned off. */
  record Mute(String userId) implements SignalMessage {
  }

  /** Moderator: put a participant out of the room. */
  record Remove(String userId) implements SignalMessage {
  }

  /** Moderator: give the moderator role to another participant. */
  record HandOver(String userId) implements SignalMessage {
  }

  /** Moderator: end the session for everyone. */
  record End() implements SignalMessage {
  }

  /** Moderator: the session is (no longer) being recorded; everyone is told. */
  record Recording(boolean on) implements SignalMessage {
  }

  /** Endoscopist or specialist: my camera is (no longer) the endoscopy stream; its frames come as binary messages. */
  record EndoscopyStream(boolean on) implements SignalMessage {
  }

  // Shared viewing (SharedView): the presenter's viewer state, asking for and handing over control.

  /** Presenter: what their viewer shows now ({@code state} checked by {@link SharedView#readState}). */
  record View(JsonObject state, double sentAt) implements SignalMessage {
  }

  record ControlRequest() implements SignalMessage {
  }

  /** Moderator or presenter: let this participant present. */
  record ControlGrant(String userId) implements SignalMessage {
  }
}
