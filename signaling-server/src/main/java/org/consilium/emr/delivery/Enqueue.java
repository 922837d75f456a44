package org.consilium.emr.delivery;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** A signed report version as announced on the event bus, checked before it is queued. */
record Enqueue(String patientId, String reportId, int version, String bundle) {

  private static final int MAX_BUNDLE_CHARS = 8 * 1024 * 1024;

  /** Throws IllegalArgumentException naming the field that is missing or wrong. */
  static Enqueue from(JsonObject body) {
    if (body == null) throw new IllegalArgumentException("the message must be a JSON object");
    String patientId = id(body, "patientId");
    String reportId = id(body, "reportId");
    Object version = body.getValue("version");
    if (!(version instanceof Integer v) || v < 1) throw new IllegalArgumentException("version must be a whole number from 1");
    Object bundle = body.getValue("bundle");
    if (!(bundle instanceof String text) || text.length() > MAX_BUNDLE_CHARS) {
      throw new IllegalArgumentException("bundle must be a FHIR Bundle as a JSON string of at most 8 MiB");
    }
    try {
      JsonObject parsed = new JsonObject(text);
      if (!"Bundle".equals(parsed.getString("resourceType")) || !"transaction".equals(parsed.getString("type"))) {
        throw new IllegalArgumentException("bundle must be a FHIR Bundle of type transaction");
      }
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("bundle is not valid JSON");
    }
    return new Enqueue(patientId, reportId, v, text);
  }

  private static String id(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (!(value instanceof String s) || !s.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(field + " must be an id of 1-64 letters, digits, '.', '_' or '-'");
    }
    return s;
  }
}
