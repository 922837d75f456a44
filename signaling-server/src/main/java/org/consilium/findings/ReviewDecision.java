package org.consilium.findings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a reviewer decided about a flag. An edit keeps the flag as a lesion with corrected details. */
public enum ReviewDecision {
  ACCEPT("accept", LesionAnalysis.Status.ACCEPTED),
  REJECT("reject", LesionAnalysis.Status.REJECTED),
  EDIT("edit", LesionAnalysis.Status.EDITED);

  static final List<String> WIRE = Arrays.stream(values()).map(ReviewDecision::wire).toList();

  private final String wire;
  private final LesionAnalysis.Status status;

  ReviewDecision(String wire, LesionAnalysis.Status status) {
    this.wire = wire;
    this.status = status;
  }

  public String wire() {
    return wire;
  }

  LesionAnalysis.Status status() {
    return status;
  }

  static Optional<ReviewDecision> fromWire(String value) {
    return Arrays.stream(values()).filter(d -> d.wire.equals(value)).findFirst();
  }
}
