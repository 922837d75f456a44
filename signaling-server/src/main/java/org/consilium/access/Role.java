package org.consilium.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a user does in the clinic; roles decide which actions a user may take. */
public enum Role {
  DISTRICT_DOCTOR("district_doctor"),
  SPECIALIST("specialist"),
  ENDOSCOPIST("endoscopist"),
  ADMINISTRATOR("administrator");

  /** Roles that treat patients and may see clinical data of patients in their care. */
  public static final Set<Role> CLINICAL = EnumSet.of(DISTRICT_DOCTOR, SPECIALIST, ENDOSCOPIST);
  public static final Set<Role> ALL = EnumSet.allOf(Role.class);

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  /** The value used in JSON, tokens and the database. */
  public String wire() {
    return wire;
  }

  public static Optional<Role> fromWire(String value) {
    return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
  }
}
