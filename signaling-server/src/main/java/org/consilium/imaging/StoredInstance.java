package org.consilium.imaging;

import java.time.Instant;
import org.consilium.dicom.DicomInstance;

/** One stored DICOM object: what it says ({@code dicom}), whose it is, and where its bytes are. */
public record StoredInstance(DicomInstance dicom, String patientId, String objectId, String sha256, long size,
                             Instant storedAt, String storedBy) {
}
