package org.consilium.imaging;

import io.vertx.core.json.JsonObject;
import org.consilium.dicom.DicomInstance;

/**
 * What became of one received object. {@code source} names it for the sender (file name, zip entry or
 * multipart part number); {@code reason} says why it was refused, never with patient data.
 */
public record IngestResult(String source, Status status, String sopClassUid, String sopInstanceUid, String studyUid,
                           String seriesUid, String reason) {

  public enum Status {
    /** Newly stored. */
    STORED,
    /** The same bytes were stored before: nothing to do (ingest is idempotent). */
    ALREADY_STORED,
    /** Not a readable DICOM object, required UIDs missing, or not this patient's. */
    REFUSED,
    /** The SOP Instance UID is already stored with other bytes, or the study belongs to another patient. */
    CONFLICT,
    /** The server could not store it (disk, database); sending it again may succeed. */
    FAILED;

    public boolean succeeded() {
      return this == STORED || this == ALREADY_STORED;
    }

    String wire() {
      return name().toLowerCase();
    }
  }

  static IngestResult of(String source, Status status, DicomInstance i, String reason) {
    return new IngestResult(source, status, i.sopClassUid(), i.sopInstanceUid(), i.studyInstanceUid(), i.seriesInstanceUid(), reason);
  }

  static IngestResult refused(String source, String reason) {
    return new IngestResult(source, Status.REFUSED, null, null, null, null, reason);
  }

  /** The answer's status for a batch, as Orthanc's DICOMweb plugin does: 200 all kept, 409 none, 202 some. */
  public static int httpStatus(java.util.List<IngestResult> results) {
    long ok = results.stream().filter(r -> r.status().succeeded()).count();
    return ok == results.size() ? 200 : ok == 0 ? 409 : 202;
  }

  IngestResult withStatus(Status other) {
    return new IngestResult(source, other, sopClassUid, sopInstanceUid, studyUid, seriesUid, reason);
  }

  public JsonObject toJson() {
    return new JsonObject().put("source", source).put("status", status.wire()).put("sopClassUid", sopClassUid)
        .put("sopInstanceUid", sopInstanceUid).put("studyInstanceUid", studyUid).put("seriesInstanceUid", seriesUid)
        .put("reason", reason);
  }
}
