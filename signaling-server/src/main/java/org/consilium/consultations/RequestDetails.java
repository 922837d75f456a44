package org.consilium.consultations;

import org.consilium.http.JsonInput;

/** What the district doctor writes: why, what was found, what to answer, how soon, which specialty. */
record RequestDetails(String reason, String clinicalSummary, String question, Urgency urgency, String specialty) {

  static final String[] FIELDS = {"reason", "clinicalSummary", "question", "urgency", "specialty"};

  /** Reads the fields; a draft may leave the clinical text empty, submission checks it is complete. */
  static RequestDetails read(JsonInput in) {
    return new RequestDetails(in.text("reason", 0, 2000, false), in.text("clinicalSummary", 0, 20000, false),
        in.text("question", 0, 2000, false), in.oneOf("urgency", Urgency::fromWire, Urgency.wires(), true),
        in.text("specialty", 1, 100, true));
  }

  /** Fields a submitted request must have, as JSON pointers. */
  java.util.List<String> missingForSubmission() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (blank(reason)) missing.add("/reason");
    if (blank(clinicalSummary)) missing.add("/clinicalSummary");
    if (blank(question)) missing.add("/question");
    return missing;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
