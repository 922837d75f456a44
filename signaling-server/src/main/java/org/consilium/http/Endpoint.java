package org.consilium.http;

import io.vertx.core.http.HttpMethod;
import java.util.Set;
import org.consilium.access.Role;

/**
 * What the API promises about one route: who may call it and whether it touches one patient's data.
 * The endpoint x role table in docs/security.md and the access-control tests are both generated from these.
 *
 * @param roles       roles allowed; empty for a public endpoint
 * @param patientPath the path parameter naming a patient whose care relationship is checked, or null
 */
public record Endpoint(HttpMethod method, String path, Set<Role> roles, String patientPath, String summary) {

  public boolean isPublic() {
    return roles.isEmpty();
  }

  public boolean allows(Role role) {
    return roles.contains(role);
  }
}
