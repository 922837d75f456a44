package org.consilium.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.JSONRepresentationOfDicomObjectFactory;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.io.InputStream;

/** The DICOM JSON model (PS3.18 F.2) of a stored object, for WADO-RS metadata. Blocking. */
public final class DicomJson {

  private DicomJson() {
  }

  /**
   * The object's data set as one DICOM JSON object, without the file meta group; pixel data is not inlined but
   * referenced by {@code pixelDataUri} (the instance's frames URL) as a BulkDataURI.
   */
  public static String metadata(InputStream part10, String pixelDataUri) throws DicomRejected, IOException {
    AttributeList list = DicomReader.parse(part10, false);
    String pixelVr = list.get(TagFromName.PixelData) == null ? null
        : new String(list.get(TagFromName.PixelData).getVR(), java.nio.charset.StandardCharsets.US_ASCII);
    list.remove(TagFromName.PixelData);
    list.removeMetaInformationHeaderAttributes();
    try {
      String json = new JSONRepresentationOfDicomObjectFactory().getDocument(list).getJsonObject(0).toString();
      if (pixelVr == null) return json;
      String pixel = "\"7FE00010\":{\"vr\":\"" + pixelVr + "\",\"BulkDataURI\":\"" + pixelDataUri.replace("\"", "%22") + "\"}";
      return json.equals("{}") ? "{" + pixel + "}" : json.substring(0, json.length() - 1) + "," + pixel + "}";
    } catch (DicomException | RuntimeException e) {
      throw new DicomRejected("the object cannot be expressed as DICOM JSON: " + DicomReader.safeMessage(e));
    }
  }
}
