package org.consilium.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.imageio.ImageIO;

/** Writes the DICOM objects Consilium creates itself. Blocking. */
public final class DicomWriter {

  private static final String AE = "CONSILIUM";

  private DicomWriter() {
  }

  /** A new UID under the UUID root 2.25 (PS3.5 B.2): no registered root needed, never reused. */
  public static String newUid() {
    UUID u = UUID.randomUUID();
    ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
    return "2.25." + new BigInteger(1, b.array());
  }

  /**
   * A VL Endoscopic Image (PS3.3 A.32.4) from a browser JPEG: decoded to RGB and stored uncompressed (Explicit VR
   * Little Endian), with Lossy Image Compression "01" since the capture already was JPEG. Part 10 bytes.
   */
  public static byte[] endoscopicImage(EndoscopyCapture c) throws DicomRejected {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(c.jpeg()));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) throw new DicomRejected("the capture is not a readable JPEG image");
    String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd"));
    String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
    try {
      AttributeList list = new AttributeList();
      DicomAttributes.put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
      DicomAttributes.put(list, TagFromName.SOPClassUID, SOPClass.VisibleLightEndoscopicImageStorage);
      DicomAttributes.put(list, TagFromName.SOPInstanceUID, newUid());
      DicomAttributes.put(list, TagFromName.StudyInstanceUID, c.studyUid() == null ? newUid() : c.studyUid());
      DicomAttributes.put(list, TagFromName.SeriesInstanceUID, c.seriesUid() == null ? newUid() : c.seriesUid());
      DicomAttributes.put(list, TagFromName.PatientID, c.patientId());
      DicomAttributes.put(list, TagFromName.PatientName, c.patientName());
      DicomAttributes.put(list, TagFromName.PatientBirthDate, c.patientBirthDate());
      DicomAttributes.put(list, TagFromName.PatientSex, c.patientSex());
      DicomAttributes.put(list, TagFromName.StudyDate, now);
      DicomAttributes.put(list, TagFromName.StudyTime, time);
      DicomAttributes.put(list, TagFromName.ContentDate, now);
      DicomAttributes.put(list, TagFromName.ContentTime, time);
      DicomAttributes.put(list, TagFromName.AcquisitionDateTime, now + time);
      DicomAttributes.put(list, TagFromName.StudyDescription, c.studyDescription());
      DicomAttributes.put(list, TagFromName.ReferringPhysicianName, "");
      DicomAttributes.put(list, TagFromName.StudyID, "1");
      DicomAttributes.put(list, TagFromName.AccessionNumber, "");
      DicomAttributes.put(list, TagFromName.Modality, "ES");
      DicomAttributes.put(list, TagFromName.SeriesNumber, "1");
      DicomAttributes.put(list, TagFromName.Laterality, "");
      DicomAttributes.put(list, TagFromName.InstanceNumber, Integer.toString(Math.max(1, c.instanceNumber())));
      DicomAttributes.put(list, TagFromName.PatientOrientation, "");
      DicomAttributes.put(list, TagFromName.Manufacturer, "Consilium");
      DicomAttributes.put(list, TagFromName.InstitutionName, c.institutionName());
      DicomAttributes.put(list, TagFromName.ImageType, "ORIGINAL", "PRIMARY");
      DicomAttributes.put(list, TagFromName.LossyImageCompression, "01");
      DicomAttributes.put(list, TagFromName.LossyImageCompressionMethod, "ISO_10918_1");
      list.put(new SequenceAttribute(TagFromName.AcquisitionContextSequence));
      pixels(list, image);
      FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, AE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, TransferSyntax.ExplicitVRLittleEndian, true, true);
      return out.toByteArray();
    } catch (DicomException | IOException e) {
      throw new DicomRejected("the image could not be written as DICOM: " + DicomReader.safeMessage(e));
    }
  }

  private static void pixels(AttributeList list, BufferedImage image) throws DicomException {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0, i = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.getRGB(x, y);
        rgb[i++] = (byte) (p >> 16);
        rgb[i++] = (byte) (p >> 8);
        rgb[i++] = (byte) p;
      }
    }
    DicomAttributes.put(list, TagFromName.Rows, Integer.toString(h));
    DicomAttributes.put(list, TagFromName.Columns, Integer.toString(w));
    DicomAttributes.put(list, TagFromName.SamplesPerPixel, "3");
    DicomAttributes.put(list, TagFromName.PhotometricInterpretation, "RGB");
    DicomAttributes.put(list, TagFromName.PlanarConfiguration, "0");
    DicomAttributes.put(list, TagFromName.BitsAllocated, "8");
    DicomAttributes.put(list, TagFromName.BitsStored, "8");
    DicomAttributes.put(list, TagFromName.HighBit, "7");
    DicomAttributes.put(list, TagFromName.PixelRepresentation, "0");
    OtherByteAttribute data = new OtherByteAttribute(TagFromName.PixelData);
    data.setValues(rgb);
    list.put(data);
  }
}
