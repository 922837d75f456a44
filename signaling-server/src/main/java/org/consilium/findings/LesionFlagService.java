package org.consilium.findings;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.inference.Analysis;
import org.consilium.inference.Lesion;
import org.consilium.patients.PatientService;
import org.consilium.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AI lesion flags of a patient's endoscopy frames: analysis on demand, storage, and the review of each flag.
 * The care relationship is checked first (a stranger learns nothing), every access is audited before the
 * answer, and a change whose audit record cannot be written is undone.
 */
public final class LesionFlagService {

  private static final Logger LOG = LoggerFactory.getLogger(LesionFlagService.class);
  private static final String RESOURCE = "lesion_analysis";
  /** Who may analyse frames and review flags: the clinicians who perform or read endoscopies. */
  static final Set<Role> REVIEWERS = Set.of(Role.ENDOSCOPIST, Role.SPECIALIST);

  private final Store store;
  private final LesionAnalysisStore analyses;
  private final PatientService patients;
  private final LesionDetection detection;
  private final AuditTrail audit;
  private final ConsultationMembership consultations;

  private LesionFlagService(Store store, PatientService patients, LesionDetection detection, AuditTrail audit,
                            ConsultationMembership consultations) {
    this.consultations = consultations;
    this.store = store;
    this.analyses = new LesionAnalysisStore(store);
    this.patients = patients;
    this.detection = detection;
    this.audit = audit;
  }

  public static Future<LesionFlagService> start(Store store, PatientService patients, LesionDetection detection, AuditTrail audit,
                                                ConsultationMembership consultations) {
    return store.ensureIndexes(LesionAnalysisStore.COLLECTION, LesionAnalysisStore.indexes())
        .map(v -> new LesionFlagService(store, patients, detection, audit, consultations));
  }

  /**
   * Analyses a JPEG/PNG frame of the patient and stores the flags. The frame is read only once the caller
   * may see the patient, so that a stranger learns nothing from how the upload is refused.
   */
  Future<LesionAnalysis> analyse(Principal who, String patientId, Supplier<byte[]> upload, String contentType, String source,
                                 AuditEvent.Builder event) {
    return visible(who, patientId, AuditAction.CREATE, event).compose(v -> {
      byte[] frame = upload.get();
      return detection.analyse(frame)
          .recover(e -> e instanceof ApiException api && api.code() == ErrorCode.FRAME_INVALID
              ? audit.record(event.detail("invalid frame").build(AuditAction.CREATE, AuditOutcome.FAILED)).compose(x -> Future.failedFuture(e))
              : Future.failedFuture(e))
          .compose(result -> save(who.userId(), patientId, result, new LesionAnalysis.FrameReference(source, contentType, frame.length,
              sha256(frame), result.frameWidth(), result.frameHeight(), null), event));
    });
  }

  /** Stores the flags the model raised on {@code input}; {@code createdBy} is the user, or the server's own name on ingest. */
  Future<LesionAnalysis> save(String createdBy, String patientId, Analysis result, LesionAnalysis.FrameReference input,
                              AuditEvent.Builder event) {
    LesionAnalysis a = toAnalysis(createdBy, patientId, result, input);
    event.resource(RESOURCE, a.id());
    return store.write(() -> {
      analyses.insert(a);
      return a;
    }).compose(saved -> recordOrUndo(event.detail("flags=" + saved.flags().size() + " model=" + saved.modelId() + " "
        + saved.modelVersion()).build(AuditAction.CREATE, AuditOutcome.SUCCESS), saved, () -> analyses.delete(saved.id())));
  }

  public Future<LesionAnalysis> read(Principal who, String patientId, String analysisId, AuditEvent.Builder event) {
    event.resource(RESOURCE, analysisId);
    return visible(who, patientId, AuditAction.READ, event)
        .compose(v -> store.read(() -> analyses.find(patientId, analysisId)))
        .compose(a -> a == null ? notFound(event, AuditAction.READ)
            : audit.record(event.build(AuditAction.READ, AuditOutcome.SUCCESS)).map(a));
  }

  Future<List<LesionAnalysis>> list(Principal who, String patientId, int limit, AuditEvent.Builder event) {
    event.resource(RESOURCE, null);
    return visible(who, patientId, AuditAction.SEARCH, event)
        .compose(v -> store.read(() -> analyses.list(patientId, limit)))
        .compose(list -> audit.record(event.detail("results=" + list.size()).build(AuditAction.SEARCH, AuditOutcome.SUCCESS)).map(list));
  }

  /** The patient's analyses, newest first, for the electronic record; no access check or audit (the caller's). */
  public Future<List<LesionAnalysis>> ofPatient(String patientId) {
    return store.read(() -> analyses.list(patientId, 1000));
  }

  /** The patient an analysis is about, so that the caller can check the care relationship first. */
  public Future<java.util.Optional<String>> patientOf(String analysisId) {
    return store.read(() -> java.util.Optional.ofNullable(analyses.patientOf(analysisId)));
  }

  /** Every model (id, version) that produced a stored analysis: the devices of the electronic record. */
  public Future<List<java.util.Map.Entry<String, String>>> models() {
    return store.read(analyses::models);
  }

  /**
   * Loads the analysis to review; {@link #review} then applies the reviewer's decision to it. Reviewers are the
   * endoscopists and specialists of a consultation about the patient, and the endoscopist who sent the frame.
   */
  Future<LesionAnalysis> forReview(Principal who, String patientId, String analysisId, String flagId, AuditEvent.Builder event) {
    event.resource(RESOURCE, analysisId);
    return visible(who, patientId, AuditAction.REVIEW, event)
        .compose(v -> store.read(() -> analyses.find(patientId, analysisId)))
        .compose(a -> a == null || a.createdBy().equals(who.userId()) ? Future.succeededFuture(a)
            : consultations.takesPart(who.userId(), patientId).compose(member -> member ? Future.succeededFuture(a)
                : audit.record(event.detail("not in a consultation of the patient").build(AuditAction.REVIEW, AuditOutcome.DENIED))
                    .compose(x -> Future.failedFuture(new ApiException(ErrorCode.LESION_REVIEW_NOT_IN_CONSULTATION,
                        "Only the endoscopist who sent the frame and the endoscopists and specialists of a consultation about this patient review its flags")))))
        .compose(a -> a == null ? notFound(event, AuditAction.REVIEW)
            : a.flag(flagId).isEmpty() ? audit.record(event.detail("no flag " + flagId).build(AuditAction.REVIEW, AuditOutcome.FAILED))
                .compose(x -> Future.failedFuture(new ApiException(ErrorCode.FLAG_NOT_FOUND, "The analysis has no flag " + flagId)))
            : Future.succeededFuture(a));
  }

  /** Appends the decision to the flag if the analysis is still at {@code expectedVersion}, else 412. */
  Future<LesionAnalysis> review(Principal who, LesionAnalysis current, String flagId, long expectedVersion, ReviewInput input,
                                AuditEvent.Builder event) {
    if (current.version() != expectedVersion) return Future.failedFuture(changedMeanwhile());
    LesionAnalysis.Review review = new LesionAnalysis.Review(input.decision(), input.box(), input.label(), input.parisClass(),
        input.sizeMm(), input.reason(), who.userId(), who.role().wire(), Instant.ofEpochMilli(System.currentTimeMillis()));
    LesionAnalysis next = current.withReview(flagId, review);
    return store.write(() -> analyses.replace(current, next) ? next : null)
        .compose(saved -> saved == null ? Future.failedFuture(changedMeanwhile())
            : recordOrUndo(event.detail("flag=" + flagId + " decision=" + input.decision().wire())
                .build(AuditAction.REVIEW, AuditOutcome.SUCCESS), saved, () -> analyses.replace(saved, current)));
  }

  Future<org.consilium.patients.Patient> visible(Principal who, String patientId, AuditAction action, AuditEvent.Builder event) {
    event.patient(patientId);
    return patients.requireVisible(who, patientId)
        .recover(e -> audit.record(event.detail("not visible").build(action, AuditOutcome.DENIED)).compose(v -> Future.failedFuture(e)));
  }

  private <T> Future<T> notFound(AuditEvent.Builder event, AuditAction action) {
    return audit.record(event.detail("not found").build(action, AuditOutcome.FAILED))
        .compose(v -> Future.failedFuture(new ApiException(ErrorCode.LESION_ANALYSIS_NOT_FOUND, "No such lesion analysis for this patient")));
  }

  private Future<LesionAnalysis> recordOrUndo(AuditEvent event, LesionAnalysis saved, Runnable undo) {
    return audit.record(event).map(saved).recover(failure -> store.write(() -> {
      undo.run();
      return null;
    }).transform(undone -> {
      if (undone.failed()) LOG.atError().addKeyValue("analysisId", saved.id()).log("A lesion analysis change could not be audited nor undone");
      return Future.failedFuture(failure);
    }));
  }

  private static LesionAnalysis toAnalysis(String createdBy, String patientId, Analysis result, LesionAnalysis.FrameReference input) {
    List<LesionAnalysis.Flag> flags = new ArrayList<>();
    for (Lesion l : result.lesions()) {
      Lesion.BoundingBox b = l.box();
      flags.add(new LesionAnalysis.Flag(UUID.randomUUID().toString(), new LesionAnalysis.Box(b.x(), b.y(), b.width(), b.height()),
          Math.round(l.score() * 10000) / 10000.0, l.areaPixels(), List.of()));
    }
    return new LesionAnalysis(UUID.randomUUID().toString(), patientId, result.modelId(), result.modelVersion(), input, flags,
        mask(result.mask()), createdBy, Instant.ofEpochMilli(System.currentTimeMillis()), 1);
  }

  /**
   * The label mask at the model's input size, run-length encoded row by row from the top left:
   * {@code rle} alternates a label (0 none, k the k-th flag) and how many pixels in a row have it.
   */
  static JsonObject mask(Analysis.LesionMask mask) {
    JsonArray rle = new JsonArray();
    byte[] labels = mask.labels();
    int i = 0;
    while (i < labels.length) {
      int j = i;
      while (j < labels.length && labels[j] == labels[i]) j++;
      rle.add(labels[i] & 0xff).add(j - i);
      i = j;
    }
    return new JsonObject().put("width", mask.width()).put("height", mask.height()).put("encoding", "label-rle").put("rle", rle);
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiException changedMeanwhile() {
    return new ApiException(ErrorCode.PRECONDITION_FAILED, "The analysis was reviewed by someone else meanwhile; read it again and redo your review");
  }
}
