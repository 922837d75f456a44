package org.consilium.access;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A care-team membership: {@code userId} may see {@code patientId} for {@code reason} (e.g.
 * "consultation:&lt;id&gt;") until {@code expiresAt} (null: until revoked). A user may hold several grants for
 * one patient with different reasons; revoking one leaves the others.
 */
public record CareGrant(String patientId, String userId, String reason, String grantedBy, Instant grantedAt,
                        Instant expiresAt) {

  public boolean activeAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }

  public JsonObject toJson() {
    return new JsonObject().put("patientId", patientId).put("userId", userId).put("reason", reason)
        .put("grantedBy", grantedBy).put("grantedAt", grantedAt.toString())
        .put("expiresAt", expiresAt == null ? null : expiresAt.toString());
  }
}
