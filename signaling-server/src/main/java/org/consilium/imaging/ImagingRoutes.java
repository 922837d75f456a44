package org.consilium.imaging;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonReply;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/**
 * Browser upload of DICOM to a patient: one file per request (application/dicom) or a zip of files or
 * folders (application/zip). The answer lists what became of every file.
 */
public final class ImagingRoutes {

  private static final String BASE = "/api/patients/:patientId/imaging";

  private final ImagingService imaging;

  public ImagingRoutes(ImagingService imaging) {
    this.imaging = imaging;
  }

  public void mount(RouteTable api) {
    api.route(POST, BASE + "/uploads").roles(Role.CLINICAL).patient("patientId").streamingBody()
        .summary("Upload DICOM files or a zip of them to a patient").handler(this::upload);
    api.route(POST, BASE + "/captures").roles(Role.CLINICAL).patient("patientId").streamingBody()
        .summary("Store an endoscopy capture (JPEG) as a DICOM image").handler(this::capture);
    api.route(GET, BASE + "/studies/:study/deidentified").roles(Role.CLINICAL).patient("patientId")
        .summary("Export a study de-identified (PS3.15 Basic Profile) as a zip").handler(this::deidentified);
    api.route(POST, BASE + "/pacs-pulls").roles(Role.CLINICAL).patient("patientId")
        .summary("Pull the patient's studies from the hospital PACS").handler(this::pull);
  }

  private void deidentified(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.EXPORT, event)
        .compose(patient -> imaging.deidentifiedStudy(patient, ctx.pathParam("study"), event))
        .onSuccess(zip -> ctx.response().putHeader("Content-Type", "application/zip").putHeader("Cache-Control", "no-store")
            .putHeader("Content-Disposition", "attachment; filename=\"study-deidentified.zip\"").end(io.vertx.core.buffer.Buffer.buffer(zip)))
        .onFailure(ctx::fail);
  }

  private void pull(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.CREATE, event)
        .compose(patient -> imaging.pullFromPacs(patient, event))
        .onSuccess(studies -> JsonReply.send(ctx, 200, new JsonObject().put("studies", studies)))
        .onFailure(ctx::fail);
  }

  private void capture(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.CREATE, event).compose(patient -> {
      if (!mediaType(ctx.request().getHeader("Content-Type")).equals("image/jpeg")) {
        return Future.failedFuture(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the captured frame as image/jpeg"));
      }
      QueryInput q = QueryInput.of(ctx, "studyInstanceUid", "seriesInstanceUid", "description");
      String study = uid(q, "studyInstanceUid");
      String series = uid(q, "seriesInstanceUid");
      String description = q.text("description", 64);
      q.throwIfInvalid();
      return RequestBody.toStagedFile(ctx, imaging)
          .compose(jpeg -> imaging.capture(who, patient, jpeg, study, series, description == null ? "" : description, event));
    }).onSuccess(r -> JsonReply.send(ctx, r.status() == IngestResult.Status.STORED ? 201 : IngestResult.httpStatus(List.of(r)), r.toJson()))
        .onFailure(ctx::fail);
  }

  private static String uid(QueryInput q, String name) {
    String v = q.text(name, 64);
    if (v != null && !v.matches("[0-9]+(\\.[0-9]+)*")) q.error(name, "must be a DICOM UID (digits and dots)");
    return v;
  }

  private void upload(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String type = mediaType(ctx.request().getHeader("Content-Type"));
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.CREATE, event).compose(patient -> {
      if (!List.of("application/dicom", "application/zip", "application/x-zip-compressed", "application/octet-stream").contains(type)) {
        return Future.failedFuture(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "Send one DICOM file as application/dicom or a zip as application/zip"));
      }
      String name = ctx.request().getHeader("X-File-Name");
      String source = name == null || name.isBlank() ? "upload" : name.strip();
      return RequestBody.toStagedFile(ctx, imaging)
          .compose(body -> imaging.onDicomWorkers(() -> isZip(body)).compose(zip -> zip ? imaging.unpackZip(body)
              : Future.succeededFuture(List.of(ImagingService.Staged.file(source, body)))))
          .compose(files -> imaging.store(who, patient, files, event));
    }).onSuccess(results -> {
      JsonArray items = new JsonArray();
      results.forEach(r -> items.add(r.toJson()));
      JsonReply.send(ctx, IngestResult.httpStatus(results), new JsonObject().put("results", items)
          .put("stored", count(results, IngestResult.Status.STORED))
          .put("alreadyStored", count(results, IngestResult.Status.ALREADY_STORED))
          .put("refused", results.size() - count(results, IngestResult.Status.STORED) - count(results, IngestResult.Status.ALREADY_STORED)));
    }).onFailure(ctx::fail);
  }

  private static long count(List<IngestResult> results, IngestResult.Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  private static boolean isZip(Path file) throws java.io.IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }
  }

  /** The media type without parameters, lower case; empty when absent. */
  public static String mediaType(String contentType) {
    if (contentType == null) return "";
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
