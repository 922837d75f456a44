package org.consilium.imaging;

import java.nio.file.Path;
import org.consilium.config.Settings;

/**
 * Imaging settings: where objects live, how large an upload may be, the DICOM worker pool, and the DICOM
 * C-STORE/C-ECHO listener (off unless enabled), and the hospital PACS to pull from (none unless a host is set).
 */
public record ImagingConfig(Path root, long maxUploadBytes, int workerThreads, boolean scpEnabled, int scpPort,
                            String aeTitle, String scpHospitalId, String pacsHost, int pacsPort, String pacsAeTitle) {

  public static ImagingConfig from(Settings s) {
    String ae = s.string("DICOM_AE_TITLE");
    if (!ae.matches("[A-Za-z0-9_ .-]{1,16}") || ae.isBlank()) {
      throw new org.consilium.config.ConfigException("DICOM_AE_TITLE", "must be 1-16 letters, digits, '_', '-', '.' or spaces");
    }
    return new ImagingConfig(s.path("DATA_DIR").resolve("imaging"), s.integer("IMAGING_MAX_UPLOAD_MB", 1, 2047) * 1024L * 1024L,
        s.integer("IMAGING_WORKER_THREADS", 1, 64), s.bool("DICOM_SCP_ENABLED"), s.integer("DICOM_SCP_PORT", 0, 65535),
        ae.trim(), s.string("DICOM_SCP_HOSPITAL_ID"), s.string("PACS_HOST"), s.integer("PACS_PORT", 1, 65535),
        s.string("PACS_AE_TITLE").trim());
  }
}
