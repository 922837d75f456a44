package org.consilium.inference.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.consilium.inference.InferenceException;
import org.consilium.inference.InferenceException.Reason;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

  private final FrameDecoder decoder = new FrameDecoder(1000);

  private static byte[] encode(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int x = 0; x < width; x++) image.setRGB(x, x % height, 0xc06050);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private InferenceException refused(byte[] bytes) {
    InferenceException e = assertThrows(InferenceException.class, () -> decoder.decode(bytes));
    assertEquals(Reason.INVALID_IMAGE, e.reason());
    return e;
  }

  @Test
  void decodesPngAndJpeg() throws IOException {
    assertEquals(64, decoder.decode(encode("png", 64, 48)).getWidth());
    assertEquals(48, decoder.decode(encode("jpeg", 64, 48)).getHeight());
  }

  @Test
  void aTruncatedPngIsAClearError() throws IOException {
    byte[] png = encode("png", 200, 100);
    InferenceException e = refused(Arrays.copyOf(png, png.length / 2));
    assertTrue(e.getMessage().contains("damaged or truncated"), e.getMessage());
  }

  @Test
  void bytesThatAreNoImageOrAnotherFormatAreRefused() throws IOException {
    assertTrue(refused("not an image at all".getBytes(StandardCharsets.US_ASCII)).getMessage().contains("not a JPEG or PNG"));
    assertTrue(refused(encode("bmp", 8, 8)).getMessage().contains("bmp"));
    assertTrue(refused(new byte[0]).getMessage().contains("empty"));
  }

  @Test
  void aFrameLargerThanTheLimitIsRefusedBeforeItsPixelsAreDecoded() throws IOException {
    InferenceException e = refused(encode("png", 1001, 10));
    assertTrue(e.getMessage().contains("1001 x 10"), e.getMessage());
  }
}
