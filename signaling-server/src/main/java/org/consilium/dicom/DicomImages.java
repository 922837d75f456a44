package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.SourceImage;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pixels of a stored object: one frame's native bytes (WADO-RS frames) and a frame rendered to JPEG or PNG with
 * a window (WADO-RS rendered, thumbnails). Decoding happens here, from the stored bytes; blocking.
 */
public final class DicomImages {

  /** Rendered output formats. */
  public enum Format { JPEG, PNG }

  private final AttributeList list;
  private final int rows;
  private final int columns;
  private final int frames;
  private final int samples;
  private final int bitsAllocated;

  private DicomImages(AttributeList list) throws DicomRejected {
    this.list = list;
    this.rows = DicomReader.number(list, TagFromName.Rows);
    this.columns = DicomReader.number(list, TagFromName.Columns);
    this.frames = Math.max(1, DicomReader.number(list, TagFromName.NumberOfFrames));
    this.samples = Math.max(1, DicomReader.number(list, TagFromName.SamplesPerPixel));
    this.bitsAllocated = DicomReader.number(list, TagFromName.BitsAllocated);
    if (rows == 0 || columns == 0 || list.get(TagFromName.PixelData) == null) throw new DicomRejected("the object has no image");
    if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
      throw new DicomRejected("Bits Allocated " + bitsAllocated + " is not supported for display");
    }
  }

  /** Decodes a stored Part 10 object; fails with the reason when its transfer syntax cannot be decoded here. */
  public static DicomImages decode(InputStream part10) throws DicomRejected, IOException {
    return new DicomImages(DicomReader.parse(part10, true));
  }

  public int frames() {
    return frames;
  }

  /** Frame {@code number} (1-based) as native little-endian bytes, as WADO-RS sends application/octet-stream. */
  public byte[] frame(int number) throws DicomRejected {
    checkFrame(number);
    int size = rows * columns * samples * (bitsAllocated / 8);
    byte[] out = new byte[size];
    Attribute pixels = list.get(TagFromName.PixelData);
    try {
      if (pixels instanceof OtherWordAttribute) {
        short[] all = pixels.getShortValues();
        int first = (number - 1) * size / 2;
        for (int i = 0; i < size / 2; i++) {
          short v = all[first + i];
          out[2 * i] = (byte) v;
          out[2 * i + 1] = (byte) (v >> 8);
        }
      } else {
        System.arraycopy(pixels.getByteValues(), (number - 1) * size, out, 0, size);
      }
    } catch (DicomException | ArrayIndexOutOfBoundsException e) {
      throw new DicomRejected("pixel data cannot be read: " + DicomReader.safeMessage(e));
    }
    return out;
  }

  /** Frame {@code number} (1-based) rendered to 8 bits; {@code window} null: the object's own window, else min-max. */
  public byte[] render(int number, Window window, Format format) throws DicomRejected, IOException {
    return encode(image(number, window), format);
  }

  /** Frame {@code number} (1-based) as 8-bit pixels (grey or RGB), for image analysis; window as in {@link #render}. */
  public BufferedImage image(int number, Window window) throws DicomRejected {
    checkFrame(number);
    return samples == 1 ? grayscale(number, window) : color(number);
  }

  private void checkFrame(int number) throws DicomRejected {
    if (number < 1 || number > frames) throw new DicomRejected("frame " + number + " does not exist; the object has " + frames);
  }

  private BufferedImage grayscale(int number, Window window) throws DicomRejected {
    double[] values = modalityValues(frame(number));
    Window w = window != null ? window : ownWindow(values);
    boolean invert = "MONOCHROME1".equals(DicomReader.text(list, TagFromName.PhotometricInterpretation));
    BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < target.length; i++) {
      int v = w.toByte(values[i]);
      target[i] = (byte) (invert ? 255 - v : v);
    }
    return image;
  }

  /** Stored values to modality values: Bits Stored, Pixel Representation, then Rescale Slope and Intercept. */
  private double[] modalityValues(byte[] frame) {
    int bitsStored = DicomReader.number(list, TagFromName.BitsStored);
    if (bitsStored <= 0 || bitsStored > bitsAllocated) bitsStored = bitsAllocated;
    boolean signed = DicomReader.number(list, TagFromName.PixelRepresentation) == 1;
    double slope = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleSlope, 1.0);
    double intercept = Attribute.getSingleDoubleValueOrDefault(list, TagFromName.RescaleIntercept, 0.0);
    if (slope == 0) slope = 1;
    int bytes = bitsAllocated / 8;
    long mask = bitsStored == 64 ? -1L : (1L << bitsStored) - 1;
    double[] out = new double[rows * columns];
    for (int i = 0; i < out.length; i++) {
      long raw = 0;
      for (int b = bytes - 1; b >= 0; b--) raw = (raw << 8) | (frame[i * bytes + b] & 0xFF);
      raw &= mask;
      if (signed && (raw & (1L << (bitsStored - 1))) != 0) raw -= 1L << bitsStored;
      out[i] = raw * slope + intercept;
    }
    return out;
  }

  private Window ownWindow(double[] values) {
    try {
      Attribute center = list.get(TagFromName.WindowCenter);
      Attribute width = list.get(TagFromName.WindowWidth);
      if (center != null && width != null && center.getVM() > 0 && width.getVM() > 0) {
        return new Window(center.getDoubleValues()[0], Math.max(1, width.getDoubleValues()[0]));
      }
    } catch (DicomException | IllegalArgumentException e) {
      // an unusable stored window: fall back to the range of the values
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new Window((min + max) / 2 + 0.5, Math.max(1, max - min + 1));
  }

  private BufferedImage color(int number) throws DicomRejected {
    try {
      BufferedImage decoded = new SourceImage(list).getBufferedImage(number - 1);
      BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      g.drawImage(decoded, 0, 0, null);
      g.dispose();
      return rgb;
    } catch (DicomException | RuntimeException e) {
      throw new DicomRejected("the colour image cannot be decoded: " + DicomReader.safeMessage(e));
    }
  }

  static byte[] encode(BufferedImage image, Format format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (format == Format.PNG) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
    ImageWriter writer = jpegWriter();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.9f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The JDK's baseline JPEG writer (PixelMed's image I/O plug-ins register others under the same name). */
  private static ImageWriter jpegWriter() {
    ImageWriter fallback = null;
    for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
      ImageWriter w = it.next();
      if (w.getClass().getName().startsWith("com.sun.imageio")) return w;
      if (fallback == null) fallback = w;
    }
    if (fallback == null) throw new IllegalStateException("no JPEG writer");
    return fallback;
  }
}
