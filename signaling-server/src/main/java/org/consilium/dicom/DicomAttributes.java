package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.SpecificCharacterSet;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Attribute helpers of the package: put attributes with their dictionary VR (text in UTF-8, ISO_IR 192, the
 * character set of what we write), encode a list, read a DIMSE command's data set type.
 */
final class DicomAttributes {

  private static final SpecificCharacterSet UTF8 = new SpecificCharacterSet(new String[] {"ISO_IR 192"});

  private DicomAttributes() {
  }

  /** The attribute with these values; null or empty values leave it present and empty (type 2). */
  static void put(AttributeList list, AttributeTag tag, String... values) throws DicomException {
    Attribute a = AttributeFactory.newAttribute(tag, DicomDictionary.StandardDictionary.getValueRepresentationFromTag(tag), UTF8);
    for (String v : values) if (v != null && !v.isEmpty()) a.addValue(v);
    list.put(a);
  }

  /** The list encoded in {@code transferSyntax}, without a meta header (a command, an identifier). */
  static byte[] encode(AttributeList list, String transferSyntax) throws DicomException, IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomOutputStream dicom = new DicomOutputStream(out, null, transferSyntax);
    list.write(dicom);
    dicom.flush();
    return out.toByteArray();
  }

  /** Whether a data set follows this DIMSE command (Command Data Set Type other than 0101H, "none"). */
  static boolean dataSetFollows(AttributeList command) {
    return Attribute.getSingleIntegerValueOrDefault(command, TagFromName.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
  }

  private static final int NO_DATA_SET = 0x0101;
}
