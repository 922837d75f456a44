package org.consilium.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.consilium.testdata.DicomSamples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Objects Consilium writes are valid for their IOD by dicom3tools' dciodvfy, and read back as written. */
class DicomWriterTest {

  @Test
  @DisplayName("a browser capture becomes a VL Endoscopic Image that dciodvfy accepts, with a Vietnamese name in UTF-8")
  void endoscopicImageIsValid() throws Exception {
    EndoscopyCapture capture = new EndoscopyCapture(DicomSamples.syntheticCapture(320, 240), "CT-12345", "Nguyễn^Văn An", "19700520", "M",
        null, null, "Nội soi dạ dày", 3, "Bệnh viện Đa khoa Tỉnh");
    byte[] part10 = DicomWriter.endoscopicImage(capture);
    Path file = Files.createTempFile("endoscopy", ".dcm");
    Files.write(file, part10);
    String report = dciodvfy(file);
    assertFalse(report.contains("Error"), report);
    DicomInstance read = DicomReader.read(file);
    assertEquals("1.2.840.10008.5.1.4.1.1.77.1.1", read.sopClassUid());
    assertEquals("Nguyễn^Văn An", read.patientName());
    assertEquals("ES", read.modality());
    assertEquals(240, read.rows());
    assertTrue(read.studyInstanceUid().startsWith("2.25."));
    byte[] png = DicomImages.decode(new ByteArrayInputStream(part10)).render(1, null, DicomImages.Format.PNG);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
    Color centre = new Color(back.getRGB(100, 120));
    assertTrue(centre.getRed() > 150 && centre.getGreen() < 130, centre::toString);
  }

  @Test
  @DisplayName("something that is not a JPEG is refused with the reason")
  void notAJpeg() {
    EndoscopyCapture capture = new EndoscopyCapture("not an image".getBytes(), "X", "", "", "", null, null, "", 1, "");
    DicomRejected e = org.junit.jupiter.api.Assertions.assertThrows(DicomRejected.class, () -> DicomWriter.endoscopicImage(capture));
    assertTrue(e.getMessage().contains("JPEG"));
  }

  /** dciodvfy's report; it exits non-zero on an IOD error, which fails the test with the report. */
  static String dciodvfy(Path file) {
    return DicomSamples.run(List.of("dciodvfy", file.toString()));
  }
}
