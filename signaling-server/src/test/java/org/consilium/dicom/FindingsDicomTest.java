package org.consilium.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import org.consilium.testdata.DicomSamples;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Accepted findings written as a TID 1500 SR and a binary SEG pass dciodvfy and say what was found where. */
class FindingsDicomTest {

  static FindingsDocument endoscopyFindings(byte[] source) {
    BitSet mask = new BitSet(320 * 240);
    for (int y = 100; y < 140; y++) for (int x = 60; x < 90; x++) mask.set(y * 320 + x);
    return new FindingsDocument(source, 1, new FindingsDocument.Observer("Trần^Thị Bình", "u-1"),
        new FindingsDocument.Device(DicomWriter.newUid(), "polyp-unet", "1.2.0", "Consilium"), List.of(
        new FindingsDocument.Finding(DicomWriter.newUid(), "polyp", "0-Is", 8.5, new FindingsDocument.Box(60, 100, 30, 40), null, mask,
            FindingsDocument.Origin.SEMIAUTOMATIC),
        new FindingsDocument.Finding(DicomWriter.newUid(), "Loét", null, null, new FindingsDocument.Box(200, 50, 40, 30),
            new float[] {200, 50, 240, 50, 220, 80}, null, FindingsDocument.Origin.MANUAL)), 901, 1);
  }

  static byte[] endoscopySource() throws DicomRejected {
    return DicomWriter.endoscopicImage(new EndoscopyCapture(DicomSamples.syntheticCapture(320, 240), "CT-12345", "Nguyễn^Văn An",
        "19700520", "M", null, null, "Nội soi đại tràng", 1, "Bệnh viện Đa khoa Tỉnh"));
  }

  @Test
  @DisplayName("a TID 1500 measurement report of two findings on an endoscopy image passes dciodvfy")
  void measurementReport() throws Exception {
    byte[] source = endoscopySource();
    byte[] sr = MeasurementReport.write(endoscopyFindings(source), fresh());
    Path file = write(sr);
    String report = DicomWriterTest.dciodvfy(file);
    assertFalse(report.contains("Error"), report);
    DicomInstance read = DicomReader.read(file);
    DicomInstance src = DicomReader.read(write(source));
    assertEquals("1.2.840.10008.5.1.4.1.1.88.33", read.sopClassUid());
    assertEquals(src.studyInstanceUid(), read.studyInstanceUid(), "in the source's study");
    assertEquals("CT-12345", read.patientId());
    assertEquals("SR", read.modality());
    String dump = DicomSamples.run(List.of("dsrdump", "+Pu", file.toString()));
    assertTrue(dump.contains("Imaging Measurement Report"), dump);
    assertTrue(dump.contains("Tracking Unique Identifier"), dump);
    assertTrue(dump.contains("SCOORD") && dump.contains(src.sopInstanceUid()), dump);
    assertTrue(dump.contains("\"8.5\" (mm,UCUM"), dump);
    assertTrue(dump.contains("polyp-unet 1.2.0"), dump);
    assertTrue(dump.contains("0-Is"), dump);
  }

  @Test
  @DisplayName("a binary segmentation, one segment per finding, on an endoscopy image passes dciodvfy, mask bits where the findings are")
  void segmentation() throws Exception {
    byte[] source = endoscopySource();
    byte[] seg = FindingsSegmentation.write(endoscopyFindings(source), fresh());
    Path file = write(seg);
    String report = DicomWriterTest.dciodvfy(file);
    assertFalse(report.contains("Error"), report);
    DicomInstance read = DicomReader.read(file);
    assertEquals("1.2.840.10008.5.1.4.1.1.66.4", read.sopClassUid());
    assertEquals(2, read.frames());
    String dump = DicomSamples.run(List.of("dcmdump", "+P", "SegmentAlgorithmType", "+P", "SegmentAlgorithmName", file.toString()));
    assertTrue(dump.contains("SEMIAUTOMATIC") && dump.contains("MANUAL") && dump.contains("polyp-unet 1.2.0"), dump);
    BitSet first = FindingsSegmentation.mask(endoscopyFindings(source).findings().get(0), 240, 320);
    assertEquals(30 * 40, first.cardinality());
    BitSet triangle = FindingsSegmentation.mask(endoscopyFindings(source).findings().get(1), 240, 320);
    assertTrue(triangle.get(65 * 320 + 220) && !triangle.get(78 * 320 + 201), "the polygon, not its box");
  }

  @Test
  @DisplayName("findings on a CT slice of the pydicom test data give a valid SR and SEG too")
  void onCt() throws Exception {
    byte[] ct = DicomSamples.bytes(DicomSamples.file("CT_small.dcm"));
    FindingsDocument doc = new FindingsDocument(ct, 1, new FindingsDocument.Observer("Lê^Văn Cường", "u-2"), null, List.of(
        new FindingsDocument.Finding(DicomWriter.newUid(), "Nốt", null, 4.0, new FindingsDocument.Box(10, 10, 20, 20), null, null,
            FindingsDocument.Origin.MANUAL)), 902, 1);
    for (byte[] object : List.of(MeasurementReport.write(doc, fresh()), FindingsSegmentation.write(doc, fresh()))) {
      String report = DicomWriterTest.dciodvfy(write(object));
      assertFalse(report.contains("Error"), report);
    }
  }

  private static DerivedUids fresh() {
    return new DerivedUids(DicomWriter.newUid(), DicomWriter.newUid());
  }

  private static Path write(byte[] bytes) throws java.io.IOException {
    Path file = Files.createTempFile("findings", ".dcm");
    Files.write(file, bytes);
    return file;
  }
}
