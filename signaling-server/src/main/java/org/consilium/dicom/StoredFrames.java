package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Frames of an encapsulated (compressed) object exactly as stored, without decoding: what WADO-RS sends when the
 * client accepts any transfer syntax. The viewer decodes them itself, and a district hospital's line carries the
 * compressed bytes, not the decoded pixels.
 */
public final class StoredFrames {

  /** PS3.18 table 8.7.3-5: the media type of a frame in each compressed transfer syntax we send as stored. */
  private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
      Map.entry("1.2.840.10008.1.2.4.50", "image/jpeg"),
      Map.entry("1.2.840.10008.1.2.4.51", "image/jpeg"),
      Map.entry("1.2.840.10008.1.2.4.57", "image/jpeg"),
      Map.entry("1.2.840.10008.1.2.4.70", "image/jpeg"),
      Map.entry("1.2.840.10008.1.2.4.80", "image/jls"),
      Map.entry("1.2.840.10008.1.2.4.81", "image/jls"),
      Map.entry("1.2.840.10008.1.2.4.90", "image/jp2"),
      Map.entry("1.2.840.10008.1.2.4.91", "image/jp2"),
      Map.entry("1.2.840.10008.1.2.5", "image/dicom-rle"));

  private StoredFrames() {
  }

  /**
   * The media type frames of this transfer syntax are sent as when sent as stored, or null when they are not
   * (uncompressed, deflated and big-endian objects are decoded; video has no frames to send one by one).
   */
  public static String mediaType(String transferSyntaxUid) {
    return MEDIA_TYPES.get(transferSyntaxUid);
  }

  /** The compressed bitstreams of frames {@code numbers} (1-based) of an encapsulated Part 10 object. */
  public static List<byte[]> read(InputStream part10, List<Integer> numbers) throws DicomRejected, IOException {
    AttributeList list = DicomReader.parse(part10, false);
    Attribute pixels = list.get(TagFromName.PixelData);
    if (!(pixels instanceof OtherByteAttributeMultipleCompressedFrames compressed)) {
      throw new DicomRejected("the pixel data is not encapsulated");
    }
    List<byte[]> out = new ArrayList<>();
    try {
      for (int n : numbers) {
        if (n < 1 || n > compressed.getNumberOfFrames()) {
          throw new DicomRejected("frame " + n + " does not exist; the object has " + compressed.getNumberOfFrames());
        }
        out.add(compressed.getByteValuesForSelectedFrame(n - 1));
      }
    } catch (DicomException e) {
      throw new DicomRejected("the compressed frames cannot be read: " + DicomReader.safeMessage(e));
    }
    return out;
  }
}
