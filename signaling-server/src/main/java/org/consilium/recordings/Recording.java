package org.consilium.recordings;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * The recording of (part of) a consultation session. While {@code uploading}, {@code receivedBytes} and
 * {@code nextIndex} say where the upload resumes; once complete it has its size, SHA-256 and a date before
 * which it may not be deleted.
 */
record Recording(String id, String sessionId, List<String> patientIds, String mimeType, String recordedBy,
                 String recordedByName, Instant startedAt, boolean complete, long receivedBytes, int nextIndex,
                 Instant endedAt, String sha256, Instant retainUntil) {

  Recording {
    patientIds = List.copyOf(patientIds);
  }

  JsonObject toJson() {
    JsonObject j = new JsonObject().put("id", id).put("sessionId", sessionId).put("mimeType", mimeType)
        .put("recordedBy", recordedBy).put("recordedByName", recordedByName).put("startedAt", startedAt.toString())
        .put("status", complete ? "complete" : "uploading").put("receivedBytes", receivedBytes).put("nextIndex", nextIndex);
    if (complete) {
      j.put("size", receivedBytes).put("sha256", sha256).put("endedAt", endedAt.toString()).put("retainUntil", retainUntil.toString());
    }
    return j;
  }
}
