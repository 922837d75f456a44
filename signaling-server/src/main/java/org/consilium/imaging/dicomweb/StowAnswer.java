package org.consilium.imaging.dicomweb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.consilium.imaging.IngestResult;

/**
 * The STOW-RS answer (PS3.18 10.5.3): Referenced SOP Sequence for what was kept, Failed SOP Sequence with a
 * Failure Reason and, as Orthanc does, an Error Comment (0000,0902) saying why in words.
 */
final class StowAnswer {

  private static final int PROCESSING_FAILURE = 0x0110;
  private static final int DUPLICATE_SOP_INSTANCE = 0x0111;
  private static final int CANNOT_UNDERSTAND = 0xC000;

  private StowAnswer() {
  }

  static JsonObject of(List<IngestResult> results, String baseUrl) {
    JsonArray referenced = new JsonArray();
    JsonArray failed = new JsonArray();
    String study = null;
    for (IngestResult r : results) {
      JsonObject item = new JsonObject();
      if (r.sopClassUid() != null) DicomJsonValues.put(item, "00081150", "UI", List.of(r.sopClassUid()));
      if (r.sopInstanceUid() != null) DicomJsonValues.put(item, "00081155", "UI", List.of(r.sopInstanceUid()));
      if (r.status().succeeded()) {
        study = study == null ? r.studyUid() : study;
        DicomJsonValues.put(item, "00081190", "UR", List.of(baseUrl + "/studies/" + r.studyUid() + "/series/"
            + r.seriesUid() + "/instances/" + r.sopInstanceUid()));
        referenced.add(item);
      } else {
        int reason = switch (r.status()) {
          case CONFLICT -> DUPLICATE_SOP_INSTANCE;
          case FAILED -> PROCESSING_FAILURE;
          default -> CANNOT_UNDERSTAND;
        };
        DicomJsonValues.put(item, "00081197", "US", List.of(Integer.toString(reason)));
        DicomJsonValues.put(item, "00000902", "LO", List.of(r.source() + ": " + r.reason()));
        failed.add(item);
      }
    }
    JsonObject answer = new JsonObject();
    if (study != null) DicomJsonValues.put(answer, "00081190", "UR", List.of(baseUrl + "/studies/" + study));
    if (!failed.isEmpty()) answer.put("00081198", new JsonObject().put("vr", "SQ").put("Value", failed));
    if (!referenced.isEmpty()) answer.put("00081199", new JsonObject().put("vr", "SQ").put("Value", referenced));
    return answer;
  }
}
