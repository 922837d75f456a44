package org.consilium.findings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One analysed endoscopy frame of a patient: which model looked at which input, the flags it raised and the
 * clinicians' decisions on each. The model's own box and score never change; reviews are appended, the last
 * one says what the flag is now. {@code version} grows with every review (the ETag of the analysis).
 */
public record LesionAnalysis(String id, String patientId, String modelId, String modelVersion, FrameReference input,
                             List<Flag> flags, JsonObject mask, String createdBy, Instant createdAt, long version) {

  public LesionAnalysis {
    flags = List.copyOf(flags);
  }

  /**
   * What was analysed. The frame itself is not kept here (image storage belongs to imaging); its SHA-256
   * ties the analysis to the stored or streamed frame.
   */
  public record FrameReference(String source, String contentType, long bytes, String sha256, int width, int height,
                               DicomFrame dicom) {
    JsonObject toJson() {
      return new JsonObject().put("source", source).put("contentType", contentType).put("bytes", bytes).put("sha256", sha256)
          .put("width", width).put("height", height).put("dicom", dicom == null ? null : dicom.toJson());
    }

    static FrameReference fromJson(JsonObject j) {
      return new FrameReference(j.getString("source"), j.getString("contentType"), j.getLong("bytes"), j.getString("sha256"),
          j.getInteger("width"), j.getInteger("height"), DicomFrame.fromJson(j.getJsonObject("dicom")));
    }
  }

  /** A frame (1-based) of a stored DICOM instance; {@code sha256} of the reference is then that of the stored object. */
  public record DicomFrame(String studyUid, String seriesUid, String sopInstanceUid, String sopClassUid, int frame) {
    JsonObject toJson() {
      return new JsonObject().put("studyUid", studyUid).put("seriesUid", seriesUid).put("sopInstanceUid", sopInstanceUid)
          .put("sopClassUid", sopClassUid).put("frame", frame);
    }

    static DicomFrame fromJson(JsonObject j) {
      return j == null ? null : new DicomFrame(j.getString("studyUid"), j.getString("seriesUid"), j.getString("sopInstanceUid"),
          j.getString("sopClassUid"), j.getInteger("frame"));
    }
  }

  /** A box in frame pixels; {@code x + width} and {@code y + height} are exclusive. */
  public record Box(int x, int y, int width, int height) {
    JsonObject toJson() {
      return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height);
    }

    static Box fromJson(JsonObject j) {
      return j == null ? null : new Box(j.getInteger("x"), j.getInteger("y"), j.getInteger("width"), j.getInteger("height"));
    }
  }

  /** Where a flag stands: not yet reviewed, or the last decision on it. */
  public enum Status { PENDING, ACCEPTED, REJECTED, EDITED }

  /** One suspected lesion as the model raised it, with the reviews it has had. */
  public record Flag(String id, Box box, double score, long areaPixels, List<Review> reviews) {
    public Flag {
      reviews = List.copyOf(reviews);
    }

    public Status status() {
      return last().map(r -> r.decision().status()).orElse(Status.PENDING);
    }

    Optional<Review> last() {
      return reviews.isEmpty() ? Optional.empty() : Optional.of(reviews.get(reviews.size() - 1));
    }

    Flag reviewed(Review review) {
      List<Review> all = new ArrayList<>(reviews);
      all.add(review);
      return new Flag(id, box, score, areaPixels, all);
    }

    JsonObject toJson() {
      JsonArray history = new JsonArray();
      reviews.forEach(r -> history.add(r.toJson()));
      JsonObject current = new JsonObject().put("box", box.toJson());
      last().ifPresent(r -> {
        if (r.box() != null) current.put("box", r.box().toJson());
        current.put("label", r.label()).put("parisClass", r.parisClass()).put("sizeMm", r.sizeMm());
      });
      return new JsonObject().put("id", id).put("box", box.toJson()).put("score", score).put("areaPixels", areaPixels)
          .put("status", status().name().toLowerCase()).put("current", current).put("reviews", history);
    }

    static Flag fromJson(JsonObject j) {
      List<Review> reviews = new ArrayList<>();
      j.getJsonArray("reviews").forEach(r -> reviews.add(Review.fromJson((JsonObject) r)));
      return new Flag(j.getString("id"), Box.fromJson(j.getJsonObject("box")), j.getDouble("score"), j.getLong("areaPixels"), reviews);
    }
  }

  /** A clinician's decision on a flag, with the corrections and classification they gave. */
  public record Review(ReviewDecision decision, Box box, String label, String parisClass, Integer sizeMm, String reason,
                       String byUserId, String byRole, Instant at) {
    JsonObject toJson() {
      return new JsonObject().put("decision", decision.wire()).put("box", box == null ? null : box.toJson()).put("label", label)
          .put("parisClass", parisClass).put("sizeMm", sizeMm).put("reason", reason).put("by", byUserId).put("byRole", byRole)
          .put("at", at.toString());
    }

    static Review fromJson(JsonObject j) {
      return new Review(ReviewDecision.fromWire(j.getString("decision")).orElseThrow(), Box.fromJson(j.getJsonObject("box")),
          j.getString("label"), j.getString("parisClass"), j.getInteger("sizeMm"), j.getString("reason"), j.getString("by"),
          j.getString("byRole"), Instant.parse(j.getString("at")));
    }
  }

  public Optional<Flag> flag(String flagId) {
    return flags.stream().filter(f -> f.id().equals(flagId)).findFirst();
  }

  LesionAnalysis withReview(String flagId, Review review) {
    List<Flag> next = flags.stream().map(f -> f.id().equals(flagId) ? f.reviewed(review) : f).toList();
    return new LesionAnalysis(id, patientId, modelId, modelVersion, input, next, mask, createdBy, createdAt, version + 1);
  }

  /** The API representation, which is also what is stored. */
  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    flags.forEach(f -> list.add(f.toJson()));
    return new JsonObject().put("id", id).put("patientId", patientId)
        .put("model", new JsonObject().put("id", modelId).put("version", modelVersion))
        .put("input", input.toJson()).put("flags", list).put("mask", mask).put("createdBy", createdBy)
        .put("createdAt", createdAt.toString()).put("version", version);
  }

  static LesionAnalysis fromJson(JsonObject j) {
    List<Flag> flags = new ArrayList<>();
    j.getJsonArray("flags").forEach(f -> flags.add(Flag.fromJson((JsonObject) f)));
    JsonObject model = j.getJsonObject("model");
    return new LesionAnalysis(j.getString("id"), j.getString("patientId"), model.getString("id"), model.getString("version"),
        FrameReference.fromJson(j.getJsonObject("input")), flags, j.getJsonObject("mask"), j.getString("createdBy"),
        Instant.parse(j.getString("createdAt")), j.getLong("version"));
  }
}
