package org.consilium.security;

import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.consilium.access.Role;

/**
 * The fields of a user an administrator changes; null means "leave as is", an empty specialty clears it.
 * The username never changes: audit records and other systems refer to it.
 */
record UserEdit(String displayName, Role role, String hospitalId, String email, String specialty, Boolean active) {

  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    if (displayName != null) names.add("displayName");
    if (role != null) names.add("role");
    if (hospitalId != null) names.add("hospitalId");
    if (email != null) names.add("email");
    if (specialty != null) names.add("specialty");
    if (active != null) names.add("active");
    return names;
  }

  /** Whether the change could leave the system without an active administrator. */
  boolean removesAdministration() {
    return (role != null && role != Role.ADMINISTRATOR) || Boolean.FALSE.equals(active);
  }

  Bson update() {
    List<Bson> sets = new ArrayList<>();
    if (displayName != null) sets.add(Updates.set("displayName", displayName));
    if (role != null) sets.add(Updates.set("role", role.wire()));
    if (hospitalId != null) sets.add(Updates.set("hospitalId", hospitalId));
    if (email != null) sets.add(Updates.set("email", email));
    if (specialty != null) sets.add(Updates.set("specialty", specialty.isEmpty() ? null : specialty));
    if (active != null) sets.add(Updates.set("active", active));
    return Updates.combine(sets);
  }
}
