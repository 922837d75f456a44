package org.consilium.imaging;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.dicom.DicomImages;
import org.consilium.dicom.DicomJson;
import org.consilium.dicom.DicomListener;
import org.consilium.dicom.DicomRejected;
import org.consilium.dicom.DicomWriter;
import org.consilium.dicom.EndoscopyCapture;
import org.consilium.dicom.StoredFrames;
import org.consilium.dicom.Window;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientService;
import org.consilium.store.Store;

/**
 * The imaging archive of Consilium's patients: ingest (any path ends in {@link #store}), the index, and the
 * bytes, decoded pixels and DICOM JSON of stored objects. All DICOM work runs on the {@code dicom} worker
 * executor, database work on the store's. Callers check visibility with {@link #requireVisible} first and
 * audit through {@link #record}.
 */
public final class ImagingService {

  static final String RESOURCE = "imaging-study";
  /**
   * Published once per newly stored object, whatever path it came by: patientId, studyUid, seriesUid,
   * sopInstanceUid, sopClassUid, modality, frames, image, storedBy. Identifiers only, no PHI.
   */
  public static final String INSTANCE_STORED = "consilium.imaging.instance-stored";

  private final PatientService patients;
  private final AuditTrail audit;
  private final Store store;
  private final ImagingIndex index;
  private final ObjectStore objects;
  private final WorkerExecutor dicomWorkers;
  private final Ingest ingest;
  private final ImagingConfig config;
  private DicomListener listener;
  private DeviceIngest deviceIngest;

  private ImagingService(PatientService patients, AuditTrail audit, Store store, ObjectStore objects,
                         WorkerExecutor dicomWorkers, ImagingConfig config, io.vertx.core.eventbus.EventBus bus) {
    this.patients = patients;
    this.audit = audit;
    this.store = store;
    this.index = new ImagingIndex(store);
    this.objects = objects;
    this.dicomWorkers = dicomWorkers;
    this.config = config;
    this.ingest = new Ingest(store, index, objects, dicomWorkers, bus);
  }

  public static Future<ImagingService> start(Vertx vertx, ImagingConfig config, Store store, PatientService patients,
                                             AuditTrail audit) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("dicom", config.workerThreads(), 5, TimeUnit.MINUTES);
    return workers.executeBlocking(() -> FileObjectStore.open(config.root()))
        .compose(objects -> store.ensureIndexes(ImagingIndex.COLLECTION, ImagingIndex.indexes())
            .map(v -> new ImagingService(patients, audit, store, objects, workers, config, vertx.eventBus())))
        .compose(service -> config.scpEnabled() ? service.listen().map(service) : Future.succeededFuture(service));
  }

  /** Starts the C-STORE/C-ECHO listener; objects it receives take the device ingest path. */
  private Future<Void> listen() {
    DeviceIngest receiver = new DeviceIngest(ingest, objects, patients, audit, config.scpHospitalId());
    deviceIngest = receiver;
    return dicomWorkers.executeBlocking(() -> {
      Path incoming = config.root().resolve("incoming");
      if (java.nio.file.Files.isDirectory(incoming)) {
        try (var old = java.nio.file.Files.walk(incoming)) {
          old.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(incoming)).forEach(p -> p.toFile().delete());
        }
      }
      listener = DicomListener.start(config.scpPort(), config.aeTitle(), incoming, receiver);
      return null;
    });
  }

  public ImagingConfig config() {
    return config;
  }

  /** The patient, if a clinician may see it; a refusal is audited as {@code action} denied. */
  public Future<Patient> requireVisible(Principal who, String patientId, AuditAction action, AuditEvent.Builder event) {
    if (!Role.CLINICAL.contains(who.role())) return Future.failedFuture(new ApiException(ErrorCode.FORBIDDEN, "Only clinicians see images"));
    return patients.requireVisible(who, patientId).recover(e -> audit.record(event.resource(RESOURCE, null)
        .detail("patient not visible").build(action, AuditOutcome.DENIED)).compose(v -> Future.failedFuture(e)));
  }

  /** Records a successful access to the patient's images before the answer leaves. */
  public Future<Void> record(AuditEvent.Builder event, Patient patient, AuditAction action, String studyUid, String detail) {
    return audit.record(event.resource(RESOURCE, studyUid).patient(patient.id()).detail(detail).build(action, AuditOutcome.SUCCESS));
  }

  /** A scratch file next to the objects, for a request body or one part of it. */
  public Future<Path> stage() {
    return dicomWorkers.executeBlocking(objects::stage, false);
  }

  /** {@link #stage} for code already running on the dicom executor. */
  public Path stageBlocking() throws java.io.IOException {
    return objects.stage();
  }

  /** Runs blocking DICOM work (unpacking, parsing) on the dicom executor. */
  public <T> Future<T> onDicomWorkers(Callable<T> work) {
    return dicomWorkers.executeBlocking(work, false);
  }

  /** Ingests staged files one after the other and records one audit event with the counts. */
  public Future<List<IngestResult>> store(Principal who, Patient patient, List<Staged> files, AuditEvent.Builder event) {
    List<IngestResult> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Staged f : files) {
      chain = chain.compose(v -> (f.path() == null ? Future.succeededFuture(IngestResult.refused(f.source(), f.refusal()))
          : ingest.one(f.source(), f.path(), patient, who.userId())).map(r -> {
        results.add(r);
        return null;
      }));
    }
    return chain.compose(v -> {
      long stored = results.stream().filter(r -> r.status() == IngestResult.Status.STORED).count();
      long failed = results.stream().filter(r -> !r.status().succeeded()).count();
      String study = results.stream().map(IngestResult::studyUid).filter(s -> s != null).findFirst().orElse(null);
      return record(event, patient, AuditAction.CREATE, study,
          "stored=" + stored + " already=" + (results.size() - stored - failed) + " refused=" + failed).map(results);
    });
  }

  /** A file waiting to be ingested and what to call it in the answer; or, without a file, why it was not taken. */
  public record Staged(String source, Path path, String refusal) {
    public static Staged file(String source, Path path) {
      return new Staged(source, path, null);
    }

    public static Staged refused(String source, String reason) {
      return new Staged(source, null, reason);
    }
  }

  /** The files of an uploaded zip, staged; the zip itself is removed. */
  public Future<List<Staged>> unpackZip(Path zip) {
    return dicomWorkers.executeBlocking(() -> {
      try {
        return Unpack.zip(zip, objects, config.maxUploadBytes());
      } finally {
        java.nio.file.Files.deleteIfExists(zip);
      }
    }, false);
  }

  /**
   * Stores a browser capture (JPEG) as a VL Endoscopic Image in the patient's study: the given one, or a new
   * study when {@code studyUid} is null. The object carries the patient's identity under the matching rule.
   */
  public Future<IngestResult> capture(Principal who, Patient patient, Path jpeg, String studyUid, String seriesUid,
                                      String description, AuditEvent.Builder event) {
    String dicomId = patient.details().medicalRecordNumber() != null ? patient.details().medicalRecordNumber() : patient.details().citizenId();
    if (dicomId == null) {
      return Future.failedFuture(ApiException.invalid("/patient", "needs a citizen ID or medical record number before images can be attached"));
    }
    return instances(patient, studyUid, seriesUid).compose(existing -> dicomWorkers.executeBlocking(() -> {
      try {
        byte[] part10 = DicomWriter.endoscopicImage(new EndoscopyCapture(java.nio.file.Files.readAllBytes(jpeg), dicomId,
            dicomName(patient.details().fullName()), patient.details().birthDate() == null ? ""
                : patient.details().birthDate().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
            dicomSex(patient.details().sex()), studyUid, seriesUid, description, existing.size() + 1, ""));
        Path staged = objects.stage();
        java.nio.file.Files.write(staged, part10);
        return staged;
      } finally {
        java.nio.file.Files.deleteIfExists(jpeg);
      }
    }, false)).recover(e -> e instanceof DicomRejected r
        ? Future.failedFuture(ApiException.invalid("/body", r.getMessage())) : Future.failedFuture(e))
        .compose(staged -> store(who, patient, List.of(Staged.file("capture", staged)), event)).map(r -> r.get(0));
  }

  /** "Nguyễn Văn An" as a DICOM PN: the first word is the family name in Vietnamese order. */
  private static String dicomName(String fullName) {
    int space = fullName.indexOf(' ');
    return space < 0 ? fullName : fullName.substring(0, space) + "^" + fullName.substring(space + 1);
  }

  private static String dicomSex(org.consilium.patients.Sex sex) {
    return switch (sex) {
      case MALE -> "M";
      case FEMALE -> "F";
      case OTHER -> "O";
      case UNKNOWN -> "";
    };
  }

  /**
   * Pulls the patient's studies from the hospital PACS (C-FIND, C-MOVE to our listener); answers per study what
   * the PACS holds and how many instances are now stored here, audited as one CREATE.
   */
  public Future<io.vertx.core.json.JsonArray> pullFromPacs(Patient patient, AuditEvent.Builder event) {
    return instances(patient, null, null).compose(before -> new PacsPull(config, dicomWorkers, deviceIngest).pull(patient, storedPerStudy(before)))
        .compose(pulled -> instances(patient, null, null).map(all -> {
          Map<String, Long> stored = storedPerStudy(all);
          io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
          for (PacsPull.Pulled p : pulled) out.add(p.toJson(stored.getOrDefault(p.study().studyUid(), 0L)));
          return out;
        })).compose(out -> record(event, patient, AuditAction.CREATE, null, "pacs-pull studies=" + out.size()).map(out));
  }

  private static Map<String, Long> storedPerStudy(List<StoredInstance> all) {
    return all.stream().collect(java.util.stream.Collectors.groupingBy(i -> i.dicom().studyInstanceUid(), java.util.stream.Collectors.counting()));
  }

  /** Sends stored instances of the patient to the hospital PACS (C-STORE); answers each one's fate, audited as EXPORT. */
  public Future<io.vertx.core.json.JsonArray> sendToPacs(Patient patient, List<StoredInstance> found, AuditEvent.Builder event) {
    return new PacsSend(config, dicomWorkers, objects).send(found).compose(sent -> {
      io.vertx.core.json.JsonArray out = new io.vertx.core.json.JsonArray();
      sent.forEach(s -> out.add(s.toJson()));
      long failed = sent.stream().filter(s -> !s.sent()).count();
      return record(event, patient, AuditAction.EXPORT, found.isEmpty() ? null : found.get(0).dicom().studyInstanceUid(),
          "pacs-send instances=" + sent.size() + " failed=" + failed).map(out);
    });
  }

  /**
   * The study de-identified with the PS3.15 Basic Profile, as a zip of Part 10 files, for teaching or a second
   * opinion outside the care team; audited as EXPORT. Built in memory: meant for a study, not an archive.
   */
  public Future<byte[]> deidentifiedStudy(Patient patient, String studyUid, AuditEvent.Builder event) {
    return instances(patient, studyUid, null).compose(found -> {
      if (found.isEmpty()) return Future.failedFuture(new ApiException(ErrorCode.IMAGING_NOT_FOUND, "No such study for this patient"));
      String pseudonym = "ANON-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
      return dicomWorkers.executeBlocking(() -> {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
          int n = 0;
          for (StoredInstance s : found) {
            try (InputStream in = objects.get(s.objectId())) {
              byte[] clean = org.consilium.dicom.Deidentifier.basicProfile(in, pseudonym);
              out.putNextEntry(new java.util.zip.ZipEntry(String.format("%s/IM%05d.dcm", pseudonym, ++n)));
              out.write(clean);
            }
          }
        }
        return zip.toByteArray();
      }, false).compose(bytes -> record(event, patient, AuditAction.EXPORT, studyUid,
          "deidentified instances=" + found.size() + " method=PS3.15 basic").map(bytes));
    });
  }

  /** The patient's stored instances, optionally of one study and series. */
  public Future<List<StoredInstance>> instances(Patient patient, String studyUid, String seriesUid) {
    return store.read(() -> index.instances(patient.id(), studyUid, seriesUid));
  }

  /** One study's stored instances, by patient id (for another capability that checked access itself). */
  public Future<List<StoredInstance>> studyInstances(String patientId, String studyUid) {
    return store.read(() -> index.instances(patientId, studyUid, null));
  }

  /** The stored Part 10 bytes. */
  public Future<byte[]> bytes(StoredInstance s) {
    return readStored(s, InputStream::readAllBytes);
  }

  public Future<String> metadata(StoredInstance s, String pixelDataUri) {
    return readStored(s, in -> DicomJson.metadata(in, pixelDataUri));
  }

  /** Native frames (1-based numbers), decoded once for all of them. */
  public Future<List<byte[]>> frames(StoredInstance s, List<Integer> numbers) {
    return readStored(s, in -> {
      DicomImages images = DicomImages.decode(in);
      List<byte[]> out = new ArrayList<>();
      for (int n : numbers) out.add(images.frame(n));
      return out;
    });
  }

  /** Frames (1-based numbers) of an encapsulated object as stored, compressed (see {@link StoredFrames}). */
  public Future<List<byte[]>> storedFrames(StoredInstance s, List<Integer> numbers) {
    return readStored(s, in -> StoredFrames.read(in, numbers));
  }

  /** Frame {@code frame} (1-based) decoded to 8-bit pixels with the object's own window, for lesion analysis. */
  public Future<java.awt.image.BufferedImage> image(StoredInstance s, int frame) {
    return readStored(s, in -> DicomImages.decode(in).image(frame, null));
  }

  /** The stored instance of this patient with that SOP Instance UID, if any. */
  public Future<java.util.Optional<StoredInstance>> instance(String patientId, String sopInstanceUid) {
    return store.read(() -> java.util.Optional.ofNullable(index.find(sopInstanceUid)).filter(s -> s.patientId().equals(patientId)));
  }

  public Future<byte[]> rendered(StoredInstance s, int frame, Window window, DicomImages.Format format) {
    return readStored(s, in -> DicomImages.decode(in).render(frame, window, format));
  }

  /** What reads a stored object, on the dicom executor. */
  private interface StoredReader<T> {
    T read(InputStream in) throws Exception;
  }

  /** Opens the stored object on the dicom executor and hands it to {@code reader}. */
  private <T> Future<T> readStored(StoredInstance s, StoredReader<T> reader) {
    return dicomWorkers.executeBlocking(() -> {
      try (InputStream in = objects.get(s.objectId())) {
        return reader.read(in);
      }
    }, false);
  }

  /** Stops the DICOM listener and workers. */
  public Future<Void> stop() {
    Future<Void> closed = listener == null ? Future.succeededFuture() : dicomWorkers.executeBlocking(() -> {
      listener.close();
      return null;
    });
    return closed.eventually(dicomWorkers::close);
  }
}
