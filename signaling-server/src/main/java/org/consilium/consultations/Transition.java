package org.consilium.consultations;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One step of a request's lifecycle, stamped with who and when; {@code note} holds a decline or cancel reason. */
record Transition(RequestStatus from, RequestStatus to, String by, Instant at, String note) {

  JsonObject toJson() {
    return new JsonObject().put("from", from == null ? null : from.wire()).put("to", to.wire()).put("by", by)
        .put("at", at.toString()).put("note", note);
  }
}
