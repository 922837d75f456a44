package org.consilium.consultations;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How soon the district doctor needs an answer; an emergency offers an immediate session. */
public enum Urgency {
  EMERGENCY, URGENT, ROUTINE;

  public String wire() {
    return name().toLowerCase();
  }

  static Optional<Urgency> fromWire(String v) {
    return Arrays.stream(values()).filter(u -> u.wire().equals(v)).findFirst();
  }

  static List<String> wires() {
    return Arrays.stream(values()).map(Urgency::wire).toList();
  }
}
