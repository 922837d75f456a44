package org.consilium.inference.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.consilium.inference.InferenceException;
import org.consilium.inference.InferenceException.Reason;

/** Decodes an uploaded or streamed endoscopy frame (JPEG or PNG) into a raster, refusing anything else. */
public final class FrameDecoder {

  private static final Set<String> FORMATS = Set.of("jpeg", "png");

  private final int maxSide;

  /** @param maxSide the largest width or height accepted, checked before the pixels are decoded */
  public FrameDecoder(int maxSide) {
    this.maxSide = maxSide;
  }

  public BufferedImage decode(byte[] encoded) {
    if (encoded == null || encoded.length == 0) throw invalid("the frame is empty");
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) throw invalid("the frame is not a JPEG or PNG image");
      ImageReader reader = readers.next();
      try {
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) throw invalid("the frame is " + format + ", not a JPEG or PNG image");
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width > maxSide || height > maxSide) {
          throw invalid("the frame is " + width + " x " + height + " pixels; at most " + maxSide + " a side");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InferenceException ie) throw ie;
      throw new InferenceException(Reason.INVALID_IMAGE, "the frame cannot be decoded: it is damaged or truncated", e);
    }
  }

  private static InferenceException invalid(String message) {
    return new InferenceException(Reason.INVALID_IMAGE, message);
  }
}
