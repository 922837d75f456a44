package org.consilium.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The tier of the Vietnamese health system a hospital belongs to (tuyến xã, huyện, tỉnh, trung ương). */
public enum HospitalLevel {
  COMMUNE("commune"), DISTRICT("district"), PROVINCIAL("provincial"), CENTRAL("central");

  private final String wire;

  HospitalLevel(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<HospitalLevel> fromWire(String value) {
    return Arrays.stream(values()).filter(l -> l.wire.equals(value)).findFirst();
  }

  static List<String> wires() {
    return Arrays.stream(values()).map(HospitalLevel::wire).toList();
  }
}
