package org.consilium.imaging;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consilium.dicom.PacsClient;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.Patient;

/**
 * Pulls a patient's studies from the hospital PACS: C-FIND by each of the patient's identifiers (medical record
 * number, citizen ID), then C-MOVE of each study to our own listener, where the objects take the C-STORE ingest
 * path for this patient (same matching rule). C-MOVE returns once the PACS has sent everything, and our listener stores each
 * object before acknowledging it, so the index is complete when the pull answers.
 */
final class PacsPull {

  private final ImagingConfig config;
  private final WorkerExecutor dicomWorkers;
  private final DeviceIngest receiver;

  PacsPull(ImagingConfig config, WorkerExecutor dicomWorkers, DeviceIngest receiver) {
    this.config = config;
    this.dicomWorkers = dicomWorkers;
    this.receiver = receiver;
  }

  /**
   * What the PACS holds, and its C-MOVE status per study; {@code moveStatus} null when the study was not asked for
   * because all the instances the PACS reports are already stored here.
   */
  record Pulled(PacsClient.RemoteStudy study, Integer moveStatus) {
    JsonObject toJson(long storedInstances) {
      return new JsonObject().put("studyInstanceUid", study.studyUid()).put("studyDate", study.studyDate())
          .put("studyDescription", study.studyDescription()).put("modalities", study.modalities())
          .put("pacsInstances", study.instances()).put("moveStatus", moveStatus).put("alreadyStored", moveStatus == null)
          .put("storedInstances", storedInstances);
    }
  }

  /**
   * {@code stored}: instances per study already here. A study is moved again only when the PACS reports more
   * instances than that (or does not say how many), so pulling twice does not send a CT over the line twice.
   */
  Future<List<Pulled>> pull(Patient patient, Map<String, Long> stored) {
    if (config.pacsHost().isEmpty()) {
      return Future.failedFuture(new ApiException(ErrorCode.PACS_NOT_CONFIGURED, "No hospital PACS is configured (PACS_HOST)"));
    }
    if (receiver == null) {
      return Future.failedFuture(new ApiException(ErrorCode.PACS_NOT_CONFIGURED,
          "Pulling from the PACS needs the DICOM listener (DICOM_SCP_ENABLED) as the C-MOVE destination"));
    }
    List<String> ids = new ArrayList<>();
    if (patient.details().medicalRecordNumber() != null) ids.add(patient.details().medicalRecordNumber());
    if (patient.details().citizenId() != null) ids.add(patient.details().citizenId());
    return dicomWorkers.executeBlocking(() -> {
      PacsClient pacs = new PacsClient(config.pacsHost(), config.pacsPort(), config.pacsAeTitle(), config.aeTitle());
      Map<String, PacsClient.RemoteStudy> studies = new LinkedHashMap<>();
      try {
        for (String id : ids) for (PacsClient.RemoteStudy s : pacs.findStudies(id)) studies.putIfAbsent(s.studyUid(), s);
        List<Pulled> out = new ArrayList<>();
        for (PacsClient.RemoteStudy s : studies.values()) {
          if (s.instances() > 0 && stored.getOrDefault(s.studyUid(), 0L) >= s.instances()) {
            out.add(new Pulled(s, null));
            continue;
          }
          receiver.expect(s.studyUid(), patient);
          try {
            out.add(new Pulled(s, pacs.moveStudy(s.studyUid(), config.aeTitle())));
          } finally {
            receiver.forget(s.studyUid());
          }
        }
        return out;
      } catch (java.io.IOException e) {
        throw new ApiException(ErrorCode.PACS_FAILED, e.getMessage());
      }
    }, false);
  }
}
