package org.consilium.dicom;

import java.util.BitSet;
import java.util.List;

/**
 * Accepted findings on one source image, as Consilium writes them to DICOM (a TID 1500 measurement report and a
 * binary Segmentation). Plain data of our own, so that it serves findings on stored DICOM and on frames captured
 * in the browser alike (those are stored as VL Endoscopic Images first and referenced here).
 *
 * @param source Part 10 bytes of the source image: its patient, study and UIDs are copied, never re-typed
 * @param frame  1-based frame of the source the findings were seen on
 */
public record FindingsDocument(byte[] source, int frame, Observer reviewer, Device device, List<Finding> findings,
                               int seriesNumber, int instanceNumber) {

  public FindingsDocument {
    findings = List.copyOf(findings);
    if (findings.isEmpty()) throw new IllegalArgumentException("no findings");
  }

  /** The person who reviewed and accepted the findings (the SR's person observer, the SEG's content creator). */
  public record Observer(String name, String userId) {
  }

  /** The AI model that proposed findings: the SR's device observer, the SEG's algorithm. Null when none did. */
  public record Device(String uid, String modelId, String modelVersion, String manufacturer) {
  }

  /** How a finding's region came to be (DICOM Segment Algorithm Type). */
  public enum Origin {
    /** Drawn or corrected by the reviewer. */
    MANUAL,
    /** Proposed by the model and accepted unchanged by the reviewer. */
    SEMIAUTOMATIC,
    /** Produced by the model without correction. */
    AUTOMATIC
  }

  /**
   * One finding: a region in source-image pixels (a box, and optionally the closed polygon and the binary mask
   * of exactly rows x columns of the source, row-major), the clinician's label, Paris class and size.
   *
   * @param trackingUid stable across versions of the report: the same lesion keeps its UID
   */
  public record Finding(String trackingUid, String label, String parisClass, Double sizeMm, Box box, float[] polygon,
                        BitSet mask, Origin origin) {
  }

  /** A box in source pixels; {@code x + width} and {@code y + height} exclusive. */
  public record Box(int x, int y, int width, int height) {
  }
}
