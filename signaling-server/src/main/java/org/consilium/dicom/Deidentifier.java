package org.consilium.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * De-identification with the DICOM PS3.15 Annex E Basic Application Confidentiality Profile (PixelMed's
 * implementation): identifying attributes removed or emptied, descriptions and patient characteristics removed,
 * UIDs replaced (consistently within one running server, so an exported study stays one study), private
 * attributes removed. Patient ID and Name become the given pseudonym. The method is recorded in Patient
 * Identity Removed (0012,0062), De-identification Method (0012,0063) and its Code Sequence (0012,0064: DCM
 * 113100). Blocking.
 */
public final class Deidentifier {

  /** Fits LO (64 characters); the code sequence carries the standard name. */
  public static final String METHOD = "PS3.15 E.1 Basic Profile (PixelMed, Consilium)";

  private Deidentifier() {
  }

  /** The de-identified Part 10 bytes of {@code part10}, in its own transfer syntax. */
  public static byte[] basicProfile(InputStream part10, String pseudonym) throws DicomRejected, IOException {
    AttributeList list = DicomReader.parse(part10, false);
    String transferSyntax = DicomReader.text(list, TagFromName.TransferSyntaxUID);
    try {
      list.removeMetaInformationHeaderAttributes();
      list.removeUnsafePrivateAttributes();
      list.removePrivateAttributes();
      ClinicalTrialsAttributes.removeOrNullIdentifyingAttributes(list, ClinicalTrialsAttributes.HandleUIDs.remap, false, false);
      DicomAttributes.put(list, TagFromName.PatientID, pseudonym);
      DicomAttributes.put(list, TagFromName.PatientName, pseudonym.replace('-', '^'));
      DicomAttributes.put(list, TagFromName.PatientIdentityRemoved, "YES");
      DicomAttributes.put(list, TagFromName.DeidentificationMethod, METHOD);
      SequenceAttribute codes = new SequenceAttribute(TagFromName.DeidentificationMethodCodeSequence);
      codes.addItem(new CodedSequenceItem("113100", "DCM", "Basic Application Confidentiality Profile").getAttributeList());
      list.put(codes);
      FileMetaInformation.addFileMetaInformation(list, transferSyntax, "CONSILIUM");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      list.write(out, transferSyntax, true, true);
      return out.toByteArray();
    } catch (DicomException e) {
      throw new DicomRejected("the object could not be de-identified: " + DicomReader.safeMessage(e));
    }
  }
}
