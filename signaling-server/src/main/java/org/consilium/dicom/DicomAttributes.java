package org.consilium.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SpecificCharacterSet;

/** Puts attributes with their dictionary VR; text in UTF-8 (ISO_IR 192), the character set of what we write. */
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
}
