package org.consilium.inference.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Turns a frame into the model's input: the whole frame resized to the input size, RGB, scaled to [0, 1],
 * then (x - mean) / std per channel, channel-major.
 *
 * <p>The resize is bilinear on pixel centres with the result rounded to 8 bits, as OpenCV's INTER_LINEAR
 * does in models/data.py, so that the model sees here what it saw in training. Any colour model is read
 * through its own conversion to sRGB; 8-bit interleaved sRGB rasters (what ImageIO makes of JPEG and PNG)
 * are read directly because that is the hot path.
 */
public final class ModelInput {

  private ModelInput() {}

  public static float[] prepare(BufferedImage frame, int width, int height, float[] mean, float[] std) {
    Pixels pixels = Pixels.of(frame);
    Axis xs = new Axis(frame.getWidth(), width);
    Axis ys = new Axis(frame.getHeight(), height);
    float[] out = new float[3 * width * height];
    int plane = width * height;
    float[] scale = new float[3];
    float[] shift = new float[3];
    for (int c = 0; c < 3; c++) {
      scale[c] = 1f / (255f * std[c]);
      shift[c] = mean[c] / std[c];
    }
    for (int y = 0; y < height; y++) {
      int y0 = ys.low[y];
      int y1 = ys.high[y];
      float fy = ys.weight[y];
      for (int x = 0; x < width; x++) {
        int x0 = xs.low[x];
        int x1 = xs.high[x];
        float fx = xs.weight[x];
        int a = pixels.rgb(x0, y0);
        int b = pixels.rgb(x1, y0);
        int c = pixels.rgb(x0, y1);
        int d = pixels.rgb(x1, y1);
        int at = y * width + x;
        for (int ch = 0; ch < 3; ch++) {
          int shiftBits = 16 - 8 * ch;
          float top = ((a >> shiftBits) & 0xff) * (1 - fx) + ((b >> shiftBits) & 0xff) * fx;
          float bottom = ((c >> shiftBits) & 0xff) * (1 - fx) + ((d >> shiftBits) & 0xff) * fx;
          float value = Math.round(top * (1 - fy) + bottom * fy);
          out[ch * plane + at] = value * scale[ch] - shift[ch];
        }
      }
    }
    return out;
  }

  /** Source positions for one axis: the two neighbours and the weight of the second, per output pixel. */
  private static final class Axis {
    final int[] low;
    final int[] high;
    final float[] weight;

    Axis(int source, int target) {
      low = new int[target];
      high = new int[target];
      weight = new float[target];
      double ratio = (double) source / target;
      for (int i = 0; i < target; i++) {
        double s = (i + 0.5) * ratio - 0.5;
        int s0 = (int) Math.floor(s);
        double f = s - s0;
        if (s0 < 0) {
          s0 = 0;
          f = 0;
        }
        if (s0 >= source - 1) {
          s0 = source - 1;
          f = 0;
        }
        low[i] = s0;
        high[i] = Math.min(s0 + 1, source - 1);
        weight[i] = (float) f;
      }
    }
  }

  /** 0xRRGGBB of a pixel. */
  private interface Pixels {
    int rgb(int x, int y);

    static Pixels of(BufferedImage frame) {
      Raster raster = frame.getRaster();
      if (frame.getColorModel() instanceof ComponentColorModel cm && cm.getColorSpace().isCS_sRGB()
          && raster.getDataBuffer() instanceof DataBufferByte buffer && buffer.getNumBanks() == 1
          && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm && sm.getNumBands() >= 3
          && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
        byte[] data = buffer.getData();
        int[] offsets = sm.getBandOffsets();
        int stride = sm.getScanlineStride();
        int step = sm.getPixelStride();
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        return (x, y) -> {
          int i = y * stride + x * step;
          return (data[i + r] & 0xff) << 16 | (data[i + g] & 0xff) << 8 | (data[i + b] & 0xff);
        };
      }
      return frame::getRGB;
    }
  }

}
