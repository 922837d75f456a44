package org.consilium.inference.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.consilium.inference.mask.LesionFinder.Components;
import org.consilium.inference.mask.LesionFinder.Region;
import org.junit.jupiter.api.Test;

class LesionFinderTest {

  private static void fill(float[] p, int width, int x, int y, int w, int h, float value) {
    for (int j = y; j < y + h; j++) for (int i = x; i < x + w; i++) p[j * width + i] = value;
  }

  @Test
  void keepsComponentsAboveThresholdWithEnoughAreaAndScoresThemByTheirPeak() {
    float[] p = new float[32 * 32];
    fill(p, 32, 2, 3, 5, 4, 0.8f);
    p[4 * 32 + 4] = 0.97f;
    fill(p, 32, 20, 20, 2, 2, 0.99f);   // 4 pixels, below the minimum area
    fill(p, 32, 12, 2, 6, 6, 0.49f);    // below the threshold
    Components c = LesionFinder.find(p, 32, 32, 0.5, 5);
    assertEquals(1, c.regions().size());
    Region r = c.regions().get(0);
    assertEquals(new Region(1, 2, 3, 5, 4, 20, 0.97f), r);
    assertEquals(1, c.labels()[3 * 32 + 2]);
    assertEquals(0, c.labels()[20 * 32 + 20], "a dropped component is not in the label map");
  }

  @Test
  void diagonalNeighboursAreOneComponentAndSeparateBlobsAreNumberedInScanOrder() {
    float[] p = new float[8 * 8];
    p[1 * 8 + 1] = p[2 * 8 + 2] = p[3 * 8 + 3] = 0.9f;
    p[0 * 8 + 6] = p[0 * 8 + 7] = 0.6f;
    Components c = LesionFinder.find(p, 8, 8, 0.5, 1);
    assertEquals(2, c.regions().size());
    assertEquals(new Region(1, 6, 0, 2, 1, 2, 0.6f), c.regions().get(0), "the first pixel in scan order is in row 0");
    assertEquals(3, c.regions().get(1).area());
    assertEquals(2, c.labels()[3 * 8 + 3]);
  }

  @Test
  void anEmptyMapHasNoLesionsAndAnAllLesionMapHasOne() {
    assertTrue(LesionFinder.find(new float[16], 4, 4, 0.5, 1).regions().isEmpty());
    float[] all = new float[16];
    Arrays.fill(all, 1f);
    Components c = LesionFinder.find(all, 4, 4, 0.5, 1);
    assertEquals(new Region(1, 0, 0, 4, 4, 16, 1f), c.regions().get(0));
    byte[] ones = new byte[16];
    Arrays.fill(ones, (byte) 1);
    assertArrayEquals(ones, c.labels());
  }

  @Test
  void refusesAMapOfTheWrongSize() {
    assertThrows(IllegalArgumentException.class, () -> LesionFinder.find(new float[10], 4, 4, 0.5, 1));
  }
}
