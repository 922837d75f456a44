package org.consilium.consultations;

/** A session is scheduled, then open (the room is live), then concluded; or cancelled before it concludes. */
enum SessionStatus {
  SCHEDULED, OPEN, CONCLUDED, CANCELLED;

  String wire() {
    return name().toLowerCase();
  }

  static SessionStatus fromWire(String v) {
    return valueOf(v.toUpperCase());
  }

  boolean active() {
    return this == SCHEDULED || this == OPEN;
  }
}
