package org.consilium.inference;

import java.util.List;

/**
 * The result of analysing one frame: the lesions in frame pixels, the lesion mask at the model's input
 * size (scale it by frame / mask size to draw it), which model said so, and where the time went.
 */
public record Analysis(String modelId, String modelVersion, int frameWidth, int frameHeight, List<Lesion> lesions,
                       LesionMask mask, Timings timings) {

  public Analysis {
    lesions = List.copyOf(lesions);
  }

  /**
   * Labels per mask pixel, row-major: 0 is no lesion, k is {@code lesions().get(k - 1)}.
   * The array is the caller's to keep; it is not shared.
   */
  public record LesionMask(int width, int height, byte[] labels) {}

  /** Nanoseconds spent in each stage of the pipeline; queueing is the wait for a free worker. */
  public record Timings(long queueNanos, long decodeNanos, long preprocessNanos, long inferenceNanos,
                        long postprocessNanos) {
    public long totalNanos() {
      return queueNanos + decodeNanos + preprocessNanos + inferenceNanos + postprocessNanos;
    }
  }
}
