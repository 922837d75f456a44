package org.consilium.security;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.consilium.access.Principal;
import org.consilium.access.Role;

/**
 * A person who signs in to Consilium. The password hash and the failure counter stay inside this package:
 * {@link #toJson()} never writes them.
 *
 * @param lockedUntil null, or until when sign-in is refused after too many failures
 */
public record User(String id, String username, String displayName, Role role, String hospitalId, String email,
                   String specialty, boolean active, String passwordHash, int failedLogins, Instant lockedUntil,
                   long version, Instant createdAt, Instant updatedAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  Principal principal(String sessionId) {
    return new Principal(id, username, displayName, role, hospitalId, sessionId);
  }

  /** The short form carried in login answers. */
  JsonObject summaryJson(String hospitalName) {
    return identity().put("hospitalName", hospitalName);
  }

  /** The full form for administrators and for the user themself. */
  JsonObject toJson() {
    Instant now = Instant.now();
    return identity()
        .put("email", email)
        .put("specialty", specialty)
        .put("active", active)
        .put("failedLogins", failedLogins)
        .put("locked", lockedAt(now))
        .put("lockedUntil", lockedAt(now) ? lockedUntil.toString() : null)
        .put("version", version)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }

  private JsonObject identity() {
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role.wire())
        .put("hospitalId", hospitalId);
  }
}
