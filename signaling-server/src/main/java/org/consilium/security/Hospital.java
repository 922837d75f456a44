package org.consilium.security;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** An organization whose staff use Consilium; {@code code} is the short unique code hospital IT knows it by. */
public record Hospital(String id, String code, String name, HospitalLevel level, String province, boolean active,
                       long version, Instant createdAt, Instant updatedAt) {

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("code", code)
        .put("name", name)
        .put("level", level.wire())
        .put("province", province)
        .put("active", active)
        .put("version", version)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", updatedAt.toString());
  }
}
