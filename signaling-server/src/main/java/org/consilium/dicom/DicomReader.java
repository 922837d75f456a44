package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads DICOM Part 10 files into {@link DicomInstance}s and refuses what Consilium cannot keep: not Part 10,
 * unreadable, missing or malformed UIDs, pixel data missing or shorter than the image says. Blocking: call it
 * on a worker executor. PixelMed reports many problems only in its log and carries on with a partial object,
 * so the checks here look at the result rather than trusting the absence of an exception.
 */
public final class DicomReader {

  private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final int PREAMBLE = 128;

  private DicomReader() {
  }

  /** Reads and checks one file; its pixel data is kept as stored (not decompressed). */
  public static DicomInstance read(Path file) throws DicomRejected, IOException {
    requirePart10(file);
    AttributeList list;
    try (InputStream in = Files.newInputStream(file)) {
      list = parse(in, false);
    }
    return describe(list);
  }

  static void requirePart10(Path file) throws DicomRejected, IOException {
    byte[] head = new byte[PREAMBLE + 4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < head.length || !"DICM".equals(new String(head, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
      throw new DicomRejected("not a DICOM Part 10 file (no 'DICM' after the 128-byte preamble)");
    }
  }

  /** Parses a Part 10 stream; with {@code decompress} the pixel data comes back native (and decoded frames). */
  static AttributeList parse(InputStream in, boolean decompress) throws DicomRejected, IOException {
    AttributeList list = new AttributeList();
    list.setDecompressPixelData(decompress);
    try {
      list.read(new DicomInputStream(new BufferedInputStream(in, 64 * 1024)));
    } catch (DicomException | RuntimeException e) {
      throw new DicomRejected("unreadable DICOM: " + safeMessage(e));
    }
    return list;
  }

  static DicomInstance describe(AttributeList list) throws DicomRejected {
    String sopClass = uid(list, TagFromName.SOPClassUID, "SOP Class UID (0008,0016)");
    String sopInstance = uid(list, TagFromName.SOPInstanceUID, "SOP Instance UID (0008,0018)");
    String study = uid(list, TagFromName.StudyInstanceUID, "Study Instance UID (0020,000D)");
    String series = uid(list, TagFromName.SeriesInstanceUID, "Series Instance UID (0020,000E)");
    String transferSyntax = uid(list, TagFromName.TransferSyntaxUID, "Transfer Syntax UID (0002,0010)");
    String mediaSop = text(list, TagFromName.MediaStorageSOPInstanceUID);
    if (!mediaSop.isEmpty() && !mediaSop.equals(sopInstance)) {
      throw new DicomRejected("Media Storage SOP Instance UID (0002,0003) differs from SOP Instance UID (0008,0018)");
    }
    if (study.equals(series)) throw new DicomRejected("Series Instance UID equals Study Instance UID");
    int rows = number(list, TagFromName.Rows);
    int columns = number(list, TagFromName.Columns);
    int frames = Math.max(1, number(list, TagFromName.NumberOfFrames));
    int bitsAllocated = number(list, TagFromName.BitsAllocated);
    if (rows > 0 && columns > 0) requirePixels(list, transferSyntax, rows, columns, frames, bitsAllocated);
    return new DicomInstance(sopClass, sopInstance, study, series, transferSyntax,
        text(list, TagFromName.PatientID), text(list, TagFromName.PatientName), text(list, TagFromName.PatientBirthDate),
        text(list, TagFromName.PatientSex), text(list, TagFromName.StudyDate), text(list, TagFromName.StudyTime),
        text(list, TagFromName.StudyDescription), text(list, TagFromName.StudyID), text(list, TagFromName.AccessionNumber),
        text(list, TagFromName.ReferringPhysicianName), text(list, TagFromName.Modality),
        text(list, TagFromName.SeriesDescription), number(list, TagFromName.SeriesNumber), text(list, TagFromName.SeriesDate),
        number(list, TagFromName.InstanceNumber), rows, columns, rows > 0 ? frames : 0, bitsAllocated,
        text(list, TagFromName.PhotometricInterpretation), text(list, TagFromName.SpecificCharacterSet));
  }

  private static void requirePixels(AttributeList list, String transferSyntax, int rows, int columns, int frames,
                                    int bitsAllocated) throws DicomRejected {
    Attribute pixels = list.get(TagFromName.PixelData);
    if (pixels == null) {
      pixels = list.get(TagFromName.FloatPixelData);
      if (pixels == null) pixels = list.get(TagFromName.DoubleFloatPixelData);
    }
    if (pixels == null) throw new DicomRejected("the image has Rows and Columns but its pixel data is missing or truncated");
    if (new TransferSyntax(transferSyntax).isEncapsulated()) return;
    int samples = Math.max(1, number(list, TagFromName.SamplesPerPixel));
    long expected = (long) rows * columns * frames * samples * Math.max(1, bitsAllocated) / 8;
    if (pixels.getVL() < expected) {
      throw new DicomRejected("pixel data is truncated: " + pixels.getVL() + " bytes where the image needs " + expected);
    }
  }

  private static String uid(AttributeList list, AttributeTag tag, String name) throws DicomRejected {
    String value = text(list, tag);
    if (value.isEmpty()) throw new DicomRejected(name + " is missing");
    if (value.length() > 64 || !UID.matcher(value).matches()) throw new DicomRejected(name + " is not a valid UID");
    return value;
  }

  static String text(AttributeList list, AttributeTag tag) {
    return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
  }

  static int number(AttributeList list, AttributeTag tag) {
    try {
      return Attribute.getSingleIntegerValueOrDefault(list, tag, 0);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** PixelMed's messages name tags and lengths, not values; cut them short all the same. */
  static String safeMessage(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.length() > 200 ? m.substring(0, 200) : m;
  }
}
