package org.consilium.imaging;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.consilium.dicom.DicomInstance;
import org.consilium.dicom.DicomReader;
import org.consilium.dicom.DicomRejected;
import org.consilium.patients.Patient;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one staged file into the archive: read and check it (DICOM worker), match it to the patient, decide
 * against the index (new, same bytes again, or a conflict), move the bytes into the object store, then index
 * them; if indexing fails the object is deleted again. The staged file is gone afterwards in every case, so a
 * refused file leaves nothing behind.
 */
final class Ingest {

  private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);

  private final Store store;
  private final ImagingIndex index;
  private final ObjectStore objects;
  private final WorkerExecutor dicomWorkers;
  private final EventBus bus;

  Ingest(Store store, ImagingIndex index, ObjectStore objects, WorkerExecutor dicomWorkers, EventBus bus) {
    this.bus = bus;
    this.store = store;
    this.index = index;
    this.objects = objects;
    this.dicomWorkers = dicomWorkers;
  }

  private record Checked(DicomInstance instance, String sha256, long size, String refusal) {
  }

  Future<IngestResult> one(String source, Path staged, Patient patient, String byUserId) {
    return dicomWorkers.executeBlocking(() -> check(staged, patient), false)
        .compose(c -> c.refusal != null ? Future.succeededFuture(IngestResult.of(source, IngestResult.Status.REFUSED, c.instance, c.refusal))
            : decide(source, staged, c, patient, byUserId))
        .recover(e -> {
          if (e instanceof DicomRejected r) return Future.succeededFuture(IngestResult.refused(source, r.getMessage()));
          LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("An instance could not be stored");
          return Future.succeededFuture(IngestResult.refused(source, "could not be stored").withStatus(IngestResult.Status.FAILED));
        })
        .eventually(() -> dicomWorkers.executeBlocking(() -> Files.deleteIfExists(staged), false));
  }

  private static Checked check(Path staged, Patient patient) throws DicomRejected, IOException {
    DicomInstance instance = DicomReader.read(staged);
    Optional<String> mismatch = PatientMatch.mismatch(instance, patient);
    return new Checked(instance, sha256(staged), Files.size(staged), mismatch.orElse(null));
  }

  private Future<IngestResult> decide(String source, Path staged, Checked c, Patient patient, String byUserId) {
    DicomInstance i = c.instance;
    return store.read(() -> new Existing(index.find(i.sopInstanceUid()), index.studyOwner(i.studyInstanceUid())))
        .compose(existing -> {
          if (existing.instance != null) return Future.succeededFuture(againOrConflict(source, c, existing.instance, patient));
          if (existing.studyOwner != null && !existing.studyOwner.equals(patient.id())) {
            return Future.succeededFuture(IngestResult.of(source, IngestResult.Status.CONFLICT, i,
                "Study Instance UID (0020,000D) already belongs to another patient"));
          }
          return keep(source, staged, c, patient, byUserId);
        });
  }

  private record Existing(StoredInstance instance, String studyOwner) {
  }

  private static IngestResult againOrConflict(String source, Checked c, StoredInstance stored, Patient patient) {
    if (!stored.patientId().equals(patient.id())) {
      return IngestResult.of(source, IngestResult.Status.CONFLICT, c.instance, "SOP Instance UID (0008,0018) is already stored for another patient");
    }
    if (stored.sha256().equals(c.sha256)) return IngestResult.of(source, IngestResult.Status.ALREADY_STORED, c.instance, null);
    return IngestResult.of(source, IngestResult.Status.CONFLICT, c.instance,
        "SOP Instance UID (0008,0018) is already stored with different content; a corrected object needs a new SOP Instance UID");
  }

  private Future<IngestResult> keep(String source, Path staged, Checked c, Patient patient, String byUserId) {
    return dicomWorkers.executeBlocking(() -> objects.put(staged), false).compose(objectId -> {
      StoredInstance s = new StoredInstance(c.instance, patient.id(), objectId, c.sha256, c.size,
          Instant.ofEpochMilli(System.currentTimeMillis()), byUserId);
      return store.write(() -> {
        index.insert(s);
        return IngestResult.of(source, IngestResult.Status.STORED, c.instance, null);
      }).onSuccess(r -> announce(s)).recover(e -> dicomWorkers.executeBlocking(() -> {
        objects.delete(objectId);
        return null;
      }, false).compose(v -> e instanceof ImagingIndex.AlreadyIndexed
          // Sent twice at the same moment: the other copy won; judge this one against it.
          ? store.read(() -> againOrConflict(source, c, index.find(c.instance.sopInstanceUid()), patient))
          : Future.failedFuture(e)));
    });
  }

  /** Tells other capabilities (lesion analysis on ingest) that a new object is in the archive; identifiers only, no PHI. */
  private void announce(StoredInstance s) {
    DicomInstance i = s.dicom();
    bus.publish(ImagingService.INSTANCE_STORED, new JsonObject().put("patientId", s.patientId()).put("studyUid", i.studyInstanceUid())
        .put("seriesUid", i.seriesInstanceUid()).put("sopInstanceUid", i.sopInstanceUid()).put("sopClassUid", i.sopClassUid())
        .put("modality", i.modality()).put("frames", i.frames()).put("image", i.isImage()).put("storedBy", s.storedBy()));
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
