package org.consilium.consultations;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a consultation request. {@link #next()} is the whole state machine: a transition not
 * listed here is refused with 409 naming the allowed ones. A scheduled request goes back to accepted when
 * its session is cancelled.
 */
public enum RequestStatus {
  DRAFT, SUBMITTED, ACCEPTED, DECLINED, SCHEDULED, IN_SESSION, CONCLUDED, SIGNED, CANCELLED;

  public Set<RequestStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
      case SUBMITTED -> EnumSet.of(ACCEPTED, DECLINED, CANCELLED);
      case ACCEPTED -> EnumSet.of(SCHEDULED, CANCELLED);
      case SCHEDULED -> EnumSet.of(IN_SESSION, ACCEPTED, CANCELLED);
      case IN_SESSION -> EnumSet.of(CONCLUDED, CANCELLED);
      case CONCLUDED -> EnumSet.of(SIGNED);
      case DECLINED, SIGNED, CANCELLED -> EnumSet.noneOf(RequestStatus.class);
    };
  }

  public boolean open() {
    return next().contains(CANCELLED);
  }

  public String wire() {
    return name().toLowerCase();
  }

  static Optional<RequestStatus> fromWire(String v) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(v)).findFirst();
  }

  static List<String> wires() {
    return Arrays.stream(values()).map(RequestStatus::wire).toList();
  }

  /** "from submitted: accepted, declined, cancelled" (or "none": a final state). */
  String allowedText() {
    Set<RequestStatus> n = next();
    return "from " + wire() + ": " + (n.isEmpty() ? "none (final)" : String.join(", ", n.stream().map(RequestStatus::wire).toList()));
  }
}
