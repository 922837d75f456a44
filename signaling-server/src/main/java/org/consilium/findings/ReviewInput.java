package org.consilium.findings;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.consilium.http.JsonInput;

/**
 * A review as the reviewer sends it. {@code label}, {@code parisClass} and {@code sizeMm} classify the lesion
 * (Paris classification of superficial neoplastic lesions); {@code box} corrects where it is; a rejection
 * may say why. An edit must change something; a rejection carries no classification.
 */
record ReviewInput(ReviewDecision decision, LesionAnalysis.Box box, String label, String parisClass, Integer sizeMm,
                   String reason, Long version) {

  static final String[] FIELDS = {"decision", "box", "label", "parisClass", "sizeMm", "reason", "version"};
  static final List<String> LABELS = List.of("polyp", "suspected_early_cancer", "adenoma", "hyperplastic", "inflammatory", "other");
  static final List<String> PARIS = List.of("0-Ip", "0-Ips", "0-Is", "0-IIa", "0-IIa+IIc", "0-IIb", "0-IIc", "0-IIc+IIa", "0-III");
  static final List<String> REASONS = List.of("not_a_lesion", "artefact", "duplicate", "other");

  static ReviewInput read(JsonInput in, int frameWidth, int frameHeight) {
    ReviewDecision decision = in.oneOf("decision", ReviewDecision::fromWire, ReviewDecision.WIRE, true);
    LesionAnalysis.Box box = box(in, frameWidth, frameHeight);
    String label = in.oneOf("label", listed(LABELS), LABELS, false);
    String paris = in.oneOf("parisClass", listed(PARIS), PARIS, false);
    Long size = in.integer("sizeMm", 1, 300, false);
    String reason = in.oneOf("reason", listed(REASONS), REASONS, false);
    Long version = in.integer("version", 1, Long.MAX_VALUE, false);
    if (decision == ReviewDecision.REJECT) {
      for (String f : new String[] {"box", "label", "parisClass", "sizeMm"}) {
        if (in.has(f)) in.error(f, "a rejected flag is not classified; leave it out");
      }
    } else if (in.has("reason")) {
      in.error("reason", "only a rejection has a reason");
    }
    if (decision == ReviewDecision.EDIT && !(in.has("box") || in.has("label") || in.has("parisClass") || in.has("sizeMm"))) {
      in.error("decision", "an edit changes the box, label, parisClass or sizeMm; send at least one");
    }
    in.throwIfInvalid();
    return new ReviewInput(decision, box, label, paris, size == null ? null : size.intValue(), reason, version);
  }

  private static LesionAnalysis.Box box(JsonInput in, int frameWidth, int frameHeight) {
    JsonInput b = in.object("box", false, "x", "y", "width", "height");
    if (b == null) return null;
    Long x = b.integer("x", 0, frameWidth - 1, true);
    Long y = b.integer("y", 0, frameHeight - 1, true);
    Long w = b.integer("width", 1, frameWidth, true);
    Long h = b.integer("height", 1, frameHeight, true);
    if (x == null || y == null || w == null || h == null) return null;
    if (x + w > frameWidth) b.error("width", "the box must end inside the frame (" + frameWidth + " pixels wide)");
    if (y + h > frameHeight) b.error("height", "the box must end inside the frame (" + frameHeight + " pixels high)");
    return new LesionAnalysis.Box(x.intValue(), y.intValue(), w.intValue(), h.intValue());
  }

  private static Function<String, Optional<String>> listed(List<String> allowed) {
    return s -> allowed.contains(s) ? Optional.of(s) : Optional.empty();
  }
}
