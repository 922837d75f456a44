package org.consilium.dicom;

/**
 * What Consilium needs to know of one DICOM object, read from its Part 10 bytes: identity (UIDs), the patient
 * as the modality recorded it, and enough of the study, series and image to index and display it. Dates are
 * DICOM DA strings (yyyyMMdd), times TM strings; absent values are empty strings, absent numbers 0.
 */
public record DicomInstance(String sopClassUid, String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
                            String transferSyntaxUid, String patientId, String patientName, String patientBirthDate,
                            String patientSex, String studyDate, String studyTime, String studyDescription,
                            String studyId, String accessionNumber, String referringPhysicianName, String modality,
                            String seriesDescription, int seriesNumber, String seriesDate, int instanceNumber,
                            int rows, int columns, int frames, int bitsAllocated, String photometricInterpretation,
                            String specificCharacterSet) {

  /** True when the object carries pixel data that can be shown (rows and columns set). */
  public boolean isImage() {
    return rows > 0 && columns > 0;
  }
}
