package org.consilium.emr.outputs;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.consilium.access.Principal;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.dicom.DerivedUids;
import org.consilium.dicom.FindingsDocument;
import org.consilium.dicom.FindingsSegmentation;
import org.consilium.dicom.MeasurementReport;
import org.consilium.findings.LesionAnalysis;
import org.consilium.findings.LesionFlagService;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.IngestResult;
import org.consilium.imaging.StoredInstance;

/**
 * The accepted findings of a lesion analysis as DICOM, in the patient's study: a TID 1500 measurement report and a
 * binary Segmentation, both referencing the stored image the analysis was made on, stored through the imaging
 * ingest (atomic, indexed, idempotent). Their UIDs are named from the analysis and its version, so asking again for
 * the same version answers the objects already stored; a new review gives a new version and new objects.
 */
public final class FindingsOutputs {

  private final LesionFlagService findings;
  private final ImagingService imaging;

  public FindingsOutputs(LesionFlagService findings, ImagingService imaging) {
    this.findings = findings;
    this.imaging = imaging;
  }

  /** What was written: the SR's and the SEG's ingest results. */
  public record Written(IngestResult report, IngestResult segmentation) {
    JsonObject toJson() {
      return new JsonObject().put("measurementReport", report.toJson()).put("segmentation", segmentation.toJson());
    }
  }

  /** Whether the caller may see the patient's images (checked before the body is read, so strangers learn nothing). */
  Future<Void> visible(Principal who, String patientId, AuditAction action, AuditEvent.Builder event) {
    return imaging.requireVisible(who, patientId, action, event).mapEmpty();
  }

  Future<Written> write(Principal who, String patientId, String analysisId, String sourceUid, int frame, AuditEvent.Builder readEvent,
                        AuditEvent.Builder event) {
    return imaging.requireVisible(who, patientId, AuditAction.CREATE, event).compose(patient ->
        findings.read(who, patientId, analysisId, readEvent).compose(analysis -> {
          List<LesionAnalysis.Flag> accepted = analysis.flags().stream()
              .filter(f -> f.status() == LesionAnalysis.Status.ACCEPTED || f.status() == LesionAnalysis.Status.EDITED).toList();
          if (accepted.isEmpty()) {
            return Future.failedFuture(new ApiException(ErrorCode.FINDINGS_NOTHING_TO_WRITE, "No flag of this analysis has been accepted yet"));
          }
          return imaging.instances(patient, null, null).compose(all -> {
            StoredInstance source = stored(all, sourceUid);
            if (source == null || !source.dicom().isImage()) {
              return Future.failedFuture(new ApiException(ErrorCode.FINDINGS_SOURCE_NOT_STORED,
                  "No stored image of this patient has SOP Instance UID " + sourceUid));
            }
            if (source.dicom().columns() != analysis.input().width() || source.dicom().rows() != analysis.input().height()) {
              return Future.failedFuture(new ApiException(ErrorCode.FINDINGS_SOURCE_NOT_STORED, "The image is " + source.dicom().columns()
                  + "x" + source.dicom().rows() + " pixels, the analysed frame " + analysis.input().width() + "x" + analysis.input().height()));
            }
            if (frame > Math.max(1, source.dicom().frames())) return Future.failedFuture(ApiException.invalid("/frame", "the image has no such frame"));
            String key = analysisId + ":" + analysis.version();
            DerivedUids sr = DerivedUids.named("consilium-sr-series:" + analysisId, "consilium-sr:" + key);
            DerivedUids seg = DerivedUids.named("consilium-seg-series:" + analysisId, "consilium-seg:" + key);
            StoredInstance oldReport = stored(all, sr.instanceUid());
            StoredInstance oldSegmentation = stored(all, seg.instanceUid());
            if (oldReport != null && oldSegmentation != null) {
              return Future.succeededFuture(new Written(already("measurement-report", oldReport), already("segmentation", oldSegmentation)));
            }
            return imaging.bytes(source).compose(bytes -> imaging.onDicomWorkers(() -> {
              FindingsDocument doc = document(who, analysis, accepted, bytes, frame, source.dicom().columns(), source.dicom().rows());
              return List.of(staged("measurement-report", MeasurementReport.write(doc, sr)),
                  staged("segmentation", FindingsSegmentation.write(doc, seg)));
            })).recover(e -> e instanceof org.consilium.dicom.DicomRejected r
                    ? Future.failedFuture(new ApiException(ErrorCode.IMAGE_NOT_DECODABLE, r.getMessage())) : Future.failedFuture(e))
                .compose(files -> imaging.store(who, patient, files, event))
                .map(results -> new Written(results.get(0), results.get(1)));
          });
        }));
  }

  private static StoredInstance stored(List<StoredInstance> all, String sopInstanceUid) {
    return all.stream().filter(i -> i.dicom().sopInstanceUid().equals(sopInstanceUid)).findFirst().orElse(null);
  }

  private static IngestResult already(String source, StoredInstance s) {
    return new IngestResult(source, IngestResult.Status.ALREADY_STORED, s.dicom().sopClassUid(), s.dicom().sopInstanceUid(),
        s.dicom().studyInstanceUid(), s.dicom().seriesInstanceUid(), null);
  }

  private ImagingService.Staged staged(String name, byte[] part10) throws java.io.IOException {
    Path file = imaging.stageBlocking();
    Files.write(file, part10);
    return ImagingService.Staged.file(name, file);
  }

  /**
   * The accepted flags as our plain findings: the reviewer's corrections win over the model's proposal. A flag
   * accepted as the model drew it keeps the model's own region (label k of the mask is the k-th flag); a moved box
   * is the reviewer's region.
   */
  private static FindingsDocument document(Principal who, LesionAnalysis a, List<LesionAnalysis.Flag> accepted, byte[] source, int frame,
                                           int columns, int rows) {
    List<FindingsDocument.Finding> out = new ArrayList<>();
    ModelRegion model = ModelRegion.of(a.mask());
    for (LesionAnalysis.Flag f : accepted) {
      LesionAnalysis.Review r = f.reviews().get(f.reviews().size() - 1);
      LesionAnalysis.Box box = r.box() != null ? r.box() : f.box();
      boolean moved = r.box() != null && !r.box().equals(f.box());
      BitSet region = moved || model == null ? null : model.pixels(a.flags().indexOf(f) + 1, columns, rows);
      out.add(new FindingsDocument.Finding(DerivedUids.uid("consilium-lesion:" + a.id() + ":" + f.id()), r.label(), r.parisClass(),
          r.sizeMm() == null ? null : r.sizeMm().doubleValue(), new FindingsDocument.Box(box.x(), box.y(), box.width(), box.height()),
          null, region, moved ? FindingsDocument.Origin.MANUAL : FindingsDocument.Origin.SEMIAUTOMATIC));
    }
    return new FindingsDocument(source, frame, new FindingsDocument.Observer(dicomName(who.displayName()), who.userId()),
        new FindingsDocument.Device(DerivedUids.uid("consilium-model:" + a.modelId() + ":" + a.modelVersion()), a.modelId(),
            a.modelVersion(), "Consilium"), out, 900, (int) Math.min(Integer.MAX_VALUE, a.version()));
  }

  /** "Nguyễn Văn An" as a DICOM PN, family name first as Vietnamese names are written. */
  private static String dicomName(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space) + "^" + name.substring(space + 1);
  }

  /** Sends stored objects of the patient (typically the SR and SEG just written) to the hospital PACS. */
  Future<io.vertx.core.json.JsonArray> send(Principal who, String patientId, List<String> sopInstanceUids, AuditEvent.Builder event) {
    return imaging.requireVisible(who, patientId, AuditAction.EXPORT, event).compose(patient -> imaging.instances(patient, null, null)
        .compose(all -> {
          List<StoredInstance> chosen = new ArrayList<>();
          for (String uid : sopInstanceUids) {
            StoredInstance s = stored(all, uid);
            if (s == null) return Future.failedFuture(new ApiException(ErrorCode.IMAGING_NOT_FOUND, "No stored instance " + uid + " of this patient"));
            chosen.add(s);
          }
          return imaging.sendToPacs(patient, chosen, event);
        }));
  }
}
