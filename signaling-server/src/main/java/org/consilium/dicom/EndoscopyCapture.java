package org.consilium.dicom;

/**
 * A still captured in the browser from an endoscopy tower (a capture card seen as a camera), to be stored as a
 * DICOM VL Endoscopic Image in the patient's study. Dates are yyyyMMdd, empty when unknown; {@code studyUid} and
 * {@code seriesUid} null start a new study or series.
 */
public record EndoscopyCapture(byte[] jpeg, String patientId, String patientName, String patientBirthDate,
                               String patientSex, String studyUid, String seriesUid, String studyDescription,
                               int instanceNumber, String institutionName) {
}
