package org.consilium.emr.outputs;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;

/**
 * The pixels the model itself marked for one flag: its label in the analysis' label mask (model input size,
 * run-length encoded, see LesionFlagService) sampled back onto the source image, nearest neighbour on pixel
 * centres. The SEG then carries the lesion's shape rather than its box.
 */
final class ModelRegion {

  private final int width;
  private final int height;
  private final byte[] labels;

  private ModelRegion(int width, int height, byte[] labels) {
    this.width = width;
    this.height = height;
    this.labels = labels;
  }

  /** The analysis' label mask decoded once for all its flags, or null when it has none (the box is used). */
  static ModelRegion of(JsonObject mask) {
    if (mask == null || !"label-rle".equals(mask.getString("encoding"))) return null;
    int width = mask.getInteger("width", 0);
    int height = mask.getInteger("height", 0);
    return new ModelRegion(width, height, decode(mask.getJsonArray("rle"), width, height));
  }

  /** The source pixels ({@code columns} x {@code rows}, row-major) whose mask label is {@code label}. */
  BitSet pixels(int label, int columns, int rows) {
    BitSet out = new BitSet(columns * rows);
    for (int y = 0; y < rows; y++) {
      int my = Math.min(height - 1, (int) ((y + 0.5) * height / rows));
      for (int x = 0; x < columns; x++) {
        int mx = Math.min(width - 1, (int) ((x + 0.5) * width / columns));
        if ((labels[my * width + mx] & 0xff) == label) out.set(y * columns + x);
      }
    }
    return out;
  }

  private static byte[] decode(JsonArray rle, int width, int height) {
    if (width <= 0 || height <= 0 || rle == null || rle.size() % 2 != 0) {
      throw new IllegalStateException("the analysis' label mask is malformed");
    }
    byte[] labels = new byte[width * height];
    int at = 0;
    for (int i = 0; i < rle.size(); i += 2) {
      int value = rle.getInteger(i);
      int run = rle.getInteger(i + 1);
      if (run < 0 || at + run > labels.length) throw new IllegalStateException("the analysis' label mask is malformed");
      java.util.Arrays.fill(labels, at, at + run, (byte) value);
      at += run;
    }
    if (at != labels.length) throw new IllegalStateException("the analysis' label mask is malformed");
    return labels;
  }
}
