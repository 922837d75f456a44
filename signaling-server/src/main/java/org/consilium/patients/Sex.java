package org.consilium.patients;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Administrative sex as recorded on the patient's papers; {@code unknown} when not recorded. */
public enum Sex {
  MALE, FEMALE, OTHER, UNKNOWN;

  public String wire() {
    return name().toLowerCase();
  }

  public static Optional<Sex> fromWire(String value) {
    return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
  }

  public static List<String> wires() {
    return Arrays.stream(values()).map(Sex::wire).toList();
  }
}
