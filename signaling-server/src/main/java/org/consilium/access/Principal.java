package org.consilium.access;

import java.util.Objects;

/**
 * The authenticated user behind a request: who, in which role, from which hospital. Built from a verified
 * token and the current user record, so a disabled user or a changed role takes effect on the next request.
 */
public record Principal(String userId, String username, String displayName, Role role, String hospitalId,
                        String sessionId) {

  public Principal {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(hospitalId, "hospitalId");
  }

  public boolean has(Role r) {
    return role == r;
  }
}
