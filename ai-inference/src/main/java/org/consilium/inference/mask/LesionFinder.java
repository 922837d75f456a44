package org.consilium.inference.mask;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a probability map as lesions: the 8-connected components of the pixels at or above the threshold,
 * kept when their area reaches the minimum. The same rule as models/metrics.py, so the card's metrics
 * describe what this class returns.
 */
public final class LesionFinder {

  private LesionFinder() {}

  /** One component in input pixels; {@code label} is its value in {@link Components#labels()}. */
  public record Region(int label, int x, int y, int width, int height, int area, float score) {}

  /**
   * The kept components and a label map (0 = no lesion, k = the k-th kept region), both in input pixels.
   */
  public record Components(List<Region> regions, int width, int height, byte[] labels) {}

  public static Components find(float[] probabilities, int width, int height, double threshold, int minArea) {
    if (probabilities.length != width * height) {
      throw new IllegalArgumentException("expected " + width * height + " probabilities, got " + probabilities.length);
    }
    int[] component = new int[width * height];
    int[] stack = new int[width * height];
    List<Region> kept = new ArrayList<>();
    List<Integer> keptIds = new ArrayList<>();
    int next = 0;
    for (int start = 0; start < component.length; start++) {
      if (component[start] != 0 || probabilities[start] < threshold) continue;
      int id = ++next;
      int top = 0;
      stack[top++] = start;
      component[start] = id;
      int minX = width, minY = height, maxX = -1, maxY = -1, area = 0;
      float score = 0;
      while (top > 0) {
        int at = stack[--top];
        int x = at % width;
        int y = at / width;
        area++;
        score = Math.max(score, probabilities[at]);
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
        for (int dy = -1; dy <= 1; dy++) {
          int ny = y + dy;
          if (ny < 0 || ny >= height) continue;
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            if (nx < 0 || nx >= width) continue;
            int n = ny * width + nx;
            if (component[n] == 0 && probabilities[n] >= threshold) {
              component[n] = id;
              stack[top++] = n;
            }
          }
        }
      }
      if (area >= minArea && kept.size() < 255) {
        kept.add(new Region(kept.size() + 1, minX, minY, maxX - minX + 1, maxY - minY + 1, area, Math.min(score, 1f)));
        keptIds.add(id);
      }
    }
    byte[] labels = new byte[width * height];
    if (!kept.isEmpty()) {
      int[] labelOf = new int[next + 1];
      for (int k = 0; k < keptIds.size(); k++) labelOf[keptIds.get(k)] = k + 1;
      for (int i = 0; i < labels.length; i++) labels[i] = (byte) labelOf[component[i]];
    }
    return new Components(List.copyOf(kept), width, height, labels);
  }
}
