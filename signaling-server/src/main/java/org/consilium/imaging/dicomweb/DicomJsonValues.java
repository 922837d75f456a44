package org.consilium.imaging.dicomweb;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes one attribute in the DICOM JSON model (PS3.18 F.2): numbers as numbers, person names as objects. */
final class DicomJsonValues {

  private DicomJsonValues() {
  }

  static void put(JsonObject target, String tag, String vr, List<String> values) {
    JsonObject attr = new JsonObject().put("vr", vr);
    if (!values.isEmpty()) {
      JsonArray array = new JsonArray();
      for (String v : values) {
        switch (vr) {
          case "PN" -> array.add(new JsonObject().put("Alphabetic", v));
          case "IS", "US", "UL" -> array.add(Long.parseLong(v.trim()));
          default -> array.add(v);
        }
      }
      attr.put("Value", array);
    }
    target.put(tag, attr);
  }
}
