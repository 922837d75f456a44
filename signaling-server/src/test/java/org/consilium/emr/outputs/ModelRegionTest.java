package org.consilium.emr.outputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ModelRegionTest {

  /** 4 x 2 at the model's size: row 0 = 1 1 0 2, row 1 = 1 0 0 2. */
  private static JsonObject mask(JsonArray rle) {
    return new JsonObject().put("width", 4).put("height", 2).put("encoding", "label-rle").put("rle", rle);
  }

  private static final JsonArray RLE = new JsonArray().add(1).add(2).add(0).add(1).add(2).add(1).add(1).add(1).add(0).add(2).add(2).add(1);

  @Test
  void eachLabelIsSampledOntoTheSourcePixels() {
    BitSet first = ModelRegion.of(mask(RLE)).pixels(1, 8, 4);
    // Each model pixel covers 2 x 2 source pixels: 3 model pixels of label 1.
    assertEquals(12, first.cardinality());
    assertTrue(first.get(0) && first.get(3) && first.get(2 * 8) && !first.get(2 * 8 + 2));
    BitSet second = ModelRegion.of(mask(RLE)).pixels(2, 8, 4);
    assertEquals(8, second.cardinality());
    assertTrue(second.get(7) && second.get(3 * 8 + 6));
    assertEquals(0, ModelRegion.of(mask(RLE)).pixels(3, 8, 4).cardinality());
  }

  @Test
  void noMaskMeansNoRegionAndABrokenOneIsAnError() {
    assertNull(ModelRegion.of(null));
    assertNull(ModelRegion.of(new JsonObject().put("encoding", "png")));
    assertThrows(IllegalStateException.class, () -> ModelRegion.of(mask(new JsonArray().add(1).add(7))));
    assertThrows(IllegalStateException.class, () -> ModelRegion.of(mask(new JsonArray().add(1).add(9))));
    assertThrows(IllegalStateException.class, () -> ModelRegion.of(mask(new JsonArray().add(1))));
  }
}
