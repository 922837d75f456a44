package org.consilium.security;

import org.consilium.access.Role;

/**
 * The fields of a user an administrator changes; null means "leave as is", an empty specialty clears it.
 * The username never changes: audit records and other systems refer to it.
 */
record UserEdit(String displayName, Role role, String hospitalId, String email, String specialty, Boolean active) {

  FieldChanges changes() {
    return new FieldChanges()
        .put("displayName", displayName)
        .put("role", role, role == null ? null : role.wire())
        .put("hospitalId", hospitalId)
        .put("email", email)
        .put("specialty", specialty, specialty == null || specialty.isEmpty() ? null : specialty)
        .put("active", active);
  }

  /** Whether the change could leave the system without an active administrator. */
  boolean removesAdministration() {
    return (role != null && role != Role.ADMINISTRATOR) || Boolean.FALSE.equals(active);
  }
}
