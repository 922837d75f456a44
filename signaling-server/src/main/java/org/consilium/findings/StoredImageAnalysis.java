package org.consilium.findings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.StoredInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lesion analysis of images in the archive: on demand (an instance, a series or a study, bounded), and, when
 * configured, in the background for each endoscopy instance stored by any path. Frames are decoded on the
 * imaging capability's DICOM workers and analysed one after the other, so a series never floods the pool that
 * live frames share.
 */
public final class StoredImageAnalysis {

  private static final Logger LOG = LoggerFactory.getLogger(StoredImageAnalysis.class);
  /** VL Endoscopic Image; its video siblings carry no decodable frames here. */
  private static final Set<String> ENDOSCOPIC_CLASSES = Set.of("1.2.840.10008.5.1.4.1.1.77.1.1");
  static final String INGEST_ACTOR = "ai-on-ingest";
  /** Ingested instances waiting for analysis; beyond this they are skipped (and logged), never queued without bound. */
  private static final int INGEST_BACKLOG = 1000;
  private static final int BUSY_RETRIES = 5;

  private final Vertx vertx;
  private final ImagingService imaging;
  private final LesionFlagService flags;
  private final LesionDetection detection;
  private final int maxFrames;
  private final AtomicInteger backlog = new AtomicInteger();
  private Future<Void> ingestQueue = Future.succeededFuture();

  public StoredImageAnalysis(Vertx vertx, ImagingService imaging, LesionFlagService flags, LesionDetection detection,
                             LesionFlagsConfig config) {
    this.vertx = vertx;
    this.imaging = imaging;
    this.flags = flags;
    this.detection = detection;
    this.maxFrames = config.maxStoredFrames();
    if (config.analyseOnIngest()) {
      // Local: on several nodes, the node that stored the instance analyses it, once.
      vertx.eventBus().<JsonObject>localConsumer(ImagingService.INSTANCE_STORED, m -> onStored(m.body()));
    }
  }

  /** What to analyse: a study, optionally one series, optionally one instance and some of its frames (1-based). */
  record Selection(String studyUid, String seriesUid, String sopInstanceUid, List<Integer> frames) {}

  /** The analyses made, and the frames that could not be analysed with why. */
  record Outcome(List<LesionAnalysis> analyses, List<JsonObject> failed) {}

  private record Frame(StoredInstance instance, int number) {}

  /** The request is read ({@code parse}) only once the caller may see the patient, so a stranger learns nothing. */
  Future<Outcome> analyse(Principal who, String patientId, java.util.function.Supplier<Selection> parse, AuditEvent.Builder event) {
    return flags.visible(who, patientId, AuditAction.CREATE, event).compose(patient -> {
      Selection selection = parse.get();
      return imaging.instances(patient, selection.studyUid(), selection.seriesUid()).compose(found -> {
          List<StoredInstance> chosen = found.stream().filter(s -> s.dicom().isImage())
              .filter(s -> selection.sopInstanceUid() == null || s.dicom().sopInstanceUid().equals(selection.sopInstanceUid())).toList();
          if (chosen.isEmpty()) {
            return Future.failedFuture(new ApiException(ErrorCode.IMAGING_NOT_FOUND, "No stored image of this patient matches the study, series and instance given"));
          }
          List<Frame> frames = new ArrayList<>();
          for (StoredInstance s : chosen) {
            int count = Math.max(1, s.dicom().frames());
            if (selection.frames() == null) {
              for (int n = 1; n <= count; n++) frames.add(new Frame(s, n));
            } else {
              for (int n : selection.frames()) {
                if (n > count) return Future.failedFuture(ApiException.invalid("/frames", "frame " + n + " does not exist; the instance has " + count));
                frames.add(new Frame(s, n));
              }
            }
          }
          if (frames.size() > maxFrames) {
            return Future.failedFuture(ApiException.invalid(selection.frames() != null ? "/frames" : "/seriesUid", "that is " + frames.size()
                + " frames; one request analyses at most " + maxFrames + ": name a series, an instance or some frames"));
          }
          return run(who.userId(), "stored", patientId, frames, event, 0);
      });
    });
  }

  /** One frame after the other; a frame that fails is reported and the others go on. */
  private Future<Outcome> run(String createdBy, String source, String patientId, List<Frame> frames, AuditEvent.Builder event, int busyRetries) {
    List<LesionAnalysis> done = new ArrayList<>();
    List<JsonObject> failed = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Frame f : frames) {
      chain = chain.compose(v -> one(createdBy, source, patientId, f, event, busyRetries)
          .map(a -> done.add(a))
          .recover(e -> {
            failed.add(new JsonObject().put("sopInstanceUid", f.instance().dicom().sopInstanceUid()).put("frame", f.number())
                .put("code", e instanceof ApiException api ? api.code().code() : ErrorCode.LESION_DETECTION_FAILED.code())
                .put("detail", e instanceof ApiException api ? api.getMessage() : "the frame could not be analysed"));
            return done.isEmpty() && failed.size() == frames.size() ? Future.failedFuture(e) : Future.succeededFuture(false);
          }).mapEmpty());
    }
    return chain.map(v -> new Outcome(done, failed));
  }

  private Future<LesionAnalysis> one(String createdBy, String source, String patientId, Frame f, AuditEvent.Builder event, int busyRetries) {
    StoredInstance s = f.instance();
    return imaging.image(s, f.number())
        .recover(e -> Future.failedFuture(new ApiException(ErrorCode.FRAME_INVALID, "frame " + f.number() + " cannot be decoded: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))))
        .compose(image -> retryWhenBusy(() -> detection.analyse(image), busyRetries))
        .compose(result -> flags.save(createdBy, patientId, result, new LesionAnalysis.FrameReference(source, "application/dicom",
            s.size(), s.sha256(), result.frameWidth(), result.frameHeight(), new LesionAnalysis.DicomFrame(s.dicom().studyInstanceUid(),
            s.dicom().seriesInstanceUid(), s.dicom().sopInstanceUid(), s.dicom().sopClassUid(), f.number())), event.patient(patientId)));
  }

  private Future<org.consilium.inference.Analysis> retryWhenBusy(java.util.function.Supplier<Future<org.consilium.inference.Analysis>> work, int left) {
    return work.get().recover(e -> {
      if (left <= 0 || !(e instanceof ApiException api && api.code() == ErrorCode.LESION_DETECTION_BUSY)) return Future.failedFuture(e);
      return vertx.timer(500).compose(t -> retryWhenBusy(work, left - 1));
    });
  }

  static boolean endoscopy(JsonObject stored) {
    return stored.getBoolean("image", false)
        && ("ES".equals(stored.getString("modality")) || ENDOSCOPIC_CLASSES.contains(stored.getString("sopClassUid")));
  }

  /** Frames of an ingested instance to look at: all of them, or {@code max} spread evenly over a longer one. */
  static List<Integer> spread(int frames, int max) {
    int count = Math.max(1, frames);
    List<Integer> out = new ArrayList<>();
    int take = Math.min(count, max);
    for (int i = 0; i < take; i++) out.add(1 + (int) ((long) i * count / take));
    return out;
  }

  private void onStored(JsonObject stored) {
    if (!endoscopy(stored)) return;
    if (backlog.incrementAndGet() > INGEST_BACKLOG) {
      backlog.decrementAndGet();
      LOG.atWarn().addKeyValue("backlog", INGEST_BACKLOG).log("Ingest analysis backlog full; an endoscopy instance was not analysed");
      return;
    }
    String patientId = stored.getString("patientId");
    String sop = stored.getString("sopInstanceUid");
    ingestQueue = ingestQueue.compose(v -> analyseIngested(patientId, sop))
        .onFailure(e -> LOG.atWarn().addKeyValue("error", e instanceof ApiException api ? api.code().code() : e.getClass().getSimpleName())
            .log("An ingested endoscopy instance could not be analysed"))
        .onComplete(ar -> backlog.decrementAndGet())
        .<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  private Future<Void> analyseIngested(String patientId, String sopInstanceUid) {
    return imaging.instance(patientId, sopInstanceUid).compose(found -> {
      if (found.isEmpty()) return Future.succeededFuture();
      List<Frame> frames = spread(found.get().dicom().frames(), maxFrames).stream().map(n -> new Frame(found.get(), n)).toList();
      // Whoever stored the instance asked for it, in effect: the analysis is theirs, marked as made on ingest.
      String storedBy = found.get().storedBy() == null ? INGEST_ACTOR : found.get().storedBy();
      return run(storedBy, "ingest", patientId, frames, AuditEvent.system(INGEST_ACTOR), BUSY_RETRIES).map(o -> {
        if (!o.failed().isEmpty()) {
          LOG.atWarn().addKeyValue("frames", o.failed().size()).addKeyValue("code", o.failed().get(0).getString("code"))
              .log("Some frames of an ingested endoscopy instance could not be analysed");
        }
        return null;
      });
    });
  }
}
