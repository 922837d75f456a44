package org.consilium.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.consilium.inference.Lesion.BoundingBox;
import org.junit.jupiter.api.Test;

class LesionTest {

  @Test
  void iouOfIdenticalBoxesIsOneAndOfDisjointBoxesZero() {
    BoundingBox a = new BoundingBox(10, 10, 20, 20);
    assertEquals(1.0, a.iou(new BoundingBox(10, 10, 20, 20)), 1e-12);
    assertEquals(0.0, a.iou(new BoundingBox(30, 30, 5, 5)), 1e-12);
  }

  @Test
  void iouOfHalfOverlapIsOneThird() {
    BoundingBox a = new BoundingBox(0, 0, 10, 10);
    BoundingBox b = new BoundingBox(5, 0, 10, 10);
    assertEquals(50.0 / 150.0, a.iou(b), 1e-12);
  }

  @Test
  void rejectsScoresOutsideUnitIntervalAndEmptyBoxes() {
    BoundingBox box = new BoundingBox(0, 0, 1, 1);
    assertThrows(IllegalArgumentException.class, () -> new Lesion(box, 1.5, 1, "m", "1"));
    assertThrows(IllegalArgumentException.class, () -> new Lesion(box, Double.NaN, 1, "m", "1"));
    assertThrows(IllegalArgumentException.class, () -> new BoundingBox(0, 0, 0, 4));
  }
}
