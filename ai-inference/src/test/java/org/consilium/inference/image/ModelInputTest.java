package org.consilium.inference.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelInputTest {

  private static final float[] NO_SHIFT = {0, 0, 0};
  private static final float[] NO_SCALE = {1, 1, 1};

  private static BufferedImage noise(int type, int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, type);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) for (int x = 0; x < width; x++) image.setRGB(x, y, random.nextInt(1 << 24));
    return image;
  }

  @Test
  void atTheInputSizePixelsAreOnlyScaledAndNormalisedChannelByChannel() {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xff8000);
    image.setRGB(1, 0, 0x0000ff);
    float[] mean = {0.5f, 0.25f, 0.0f};
    float[] std = {0.5f, 0.25f, 2.0f};
    float[] in = ModelInput.prepare(image, 2, 1, mean, std);
    // R plane, then G, then B
    assertArrayEquals(new float[] {1f, -1f, (128 / 255f - 0.25f) / 0.25f, -1f, 0f, 0.5f}, in, 1e-5f);
  }

  @Test
  void halvingAveragesEachTwoByTwoBlockLikeOpenCv() {
    BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    int[] reds = {10, 20, 100, 200, 30, 41, 0, 255};
    for (int i = 0; i < reds.length; i++) image.setRGB(i % 4, i / 4, reds[i] << 16);
    float[] in = ModelInput.prepare(image, 2, 1, NO_SHIFT, NO_SCALE);
    assertEquals(Math.round((10 + 20 + 30 + 41) / 4f) / 255f, in[0], 1e-6f);
    assertEquals(Math.round((100 + 200 + 0 + 255) / 4f) / 255f, in[1], 1e-6f);
  }

  @Test
  void everyRasterLayoutGivesTheSameInput() {
    BufferedImage reference = noise(BufferedImage.TYPE_INT_RGB, 37, 23, 1);
    float[] expected = ModelInput.prepare(reference, 16, 16, NO_SHIFT, NO_SCALE);
    for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB,
        BufferedImage.TYPE_INT_BGR}) {
      BufferedImage copy = new BufferedImage(37, 23, type);
      copy.getGraphics().drawImage(reference, 0, 0, null);
      assertArrayEquals(expected, ModelInput.prepare(copy, 16, 16, NO_SHIFT, NO_SCALE), 1e-6f, "type " + type);
    }
  }

  @Test
  void aGreyFrameIsReadAsGreyInAllThreeChannels() {
    BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 1, 0, 200);
    float[] in = ModelInput.prepare(grey, 4, 4, NO_SHIFT, NO_SCALE);
    assertEquals(in[5], in[16 + 5], 1e-6f);
    assertEquals(in[5], in[32 + 5], 1e-6f);
    assertEquals(true, in[5] > 0.5f);
  }
}
