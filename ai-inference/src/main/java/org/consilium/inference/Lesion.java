package org.consilium.inference;

/**
 * One suspected lesion on one frame: where it is, how confident the model is, and which model said so.
 * Coordinates are pixels of the analysed frame, origin top-left.
 */
public record Lesion(BoundingBox box, double score, long areaPixels, String modelId, String modelVersion) {

  public Lesion {
    if (box == null) throw new IllegalArgumentException("box is required");
    if (!(score >= 0.0 && score <= 1.0)) throw new IllegalArgumentException("score must be within [0, 1]: " + score);
    if (areaPixels < 0) throw new IllegalArgumentException("areaPixels must not be negative");
    if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("modelId is required");
    if (modelVersion == null || modelVersion.isBlank()) throw new IllegalArgumentException("modelVersion is required");
  }

  /** An axis-aligned box; {@code x + width} and {@code y + height} are exclusive. */
  public record BoundingBox(int x, int y, int width, int height) {
    public BoundingBox {
      if (x < 0 || y < 0 || width <= 0 || height <= 0) {
        throw new IllegalArgumentException("box must have a non-negative origin and a positive size");
      }
    }

    /** Intersection over union, the overlap measure used to match a flag with a reference lesion. */
    public double iou(BoundingBox other) {
      long ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
      long iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
      long inter = ix * iy;
      long union = (long) width * height + (long) other.width * other.height - inter;
      return union == 0 ? 0.0 : (double) inter / union;
    }
  }
}
