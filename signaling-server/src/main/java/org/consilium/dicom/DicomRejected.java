package org.consilium.dicom;

/** The bytes are not a DICOM object Consilium can accept; the message says why, and holds no patient data. */
public final class DicomRejected extends Exception {

  public DicomRejected(String reason) {
    super(reason, null, false, false);
  }
}
