package org.consilium.consultations;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A file or study attached to a request. {@code kind} is document, lab_result or imaging_study (linked by
 * the imaging capability: {@code reference} then names the study, and no file is stored here).
 */
record Attachment(String id, String kind, String fileName, String contentType, long size, String sha256,
                  String reference, String addedBy, Instant addedAt) {

  static final java.util.List<String> KINDS = java.util.List.of("document", "lab_result", "imaging_study");

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("kind", kind).put("fileName", fileName).put("contentType", contentType)
        .put("size", size).put("sha256", sha256).put("reference", reference).put("addedBy", addedBy)
        .put("addedAt", addedAt.toString());
  }
}
