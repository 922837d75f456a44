package org.consilium.imaging.dicomweb;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.RouteTable;
import org.consilium.imaging.ImagingRoutes;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.IngestResult;
import org.consilium.imaging.RequestBody;
import org.consilium.imaging.StoredInstance;
import org.consilium.imaging.dicomweb.Attr.Level;
import org.consilium.patients.Patient;

/**
 * DICOMweb (PS3.18) for one patient at a time, under {@code /api/patients/:patientId/dicomweb}: STOW-RS,
 * QIDO-RS and WADO-RS. A viewer (OHIF, Weasis, 3D Slicer) points at that root with the user's bearer token;
 * every call checks the care relationship and is audited like the rest of the API.
 */
public final class DicomWebRoutes {

  static final String BASE = "/api/patients/:patientId/dicomweb";
  private static final String STUDY = BASE + "/studies/:study";
  private static final String SERIES = STUDY + "/series/:series";
  private static final String INSTANCE = SERIES + "/instances/:instance";
  static final String DICOM_JSON = "application/dicom+json";

  private final ImagingService imaging;
  private final WadoReplies wado;

  public DicomWebRoutes(ImagingService imaging) {
    this.imaging = imaging;
    this.wado = new WadoReplies(imaging);
  }

  public void mount(RouteTable api) {
    api.route(POST, BASE + "/studies").roles(Role.CLINICAL).patient("patientId").streamingBody()
        .summary("STOW-RS: store instances").handler(this::stow);
    query(api, BASE + "/studies", Level.STUDY, "QIDO-RS: search studies");
    query(api, STUDY + "/series", Level.SERIES, "QIDO-RS: search a study's series");
    query(api, STUDY + "/instances", Level.INSTANCE, "QIDO-RS: search a study's instances");
    query(api, SERIES + "/instances", Level.INSTANCE, "QIDO-RS: search a series' instances");
    for (String scope : List.of(STUDY, SERIES, INSTANCE)) {
      read(api, scope, "WADO-RS: retrieve " + what(scope), wado::instances);
      read(api, scope + "/metadata", "WADO-RS: metadata of " + what(scope), wado::metadata);
    }
    read(api, INSTANCE + "/frames/:frames", "WADO-RS: retrieve frames", wado::frames);
    read(api, INSTANCE + "/rendered", "WADO-RS: rendered instance", wado::rendered);
    read(api, INSTANCE + "/frames/:frames/rendered", "WADO-RS: rendered frame", wado::rendered);
  }

  private static String what(String scope) {
    return scope.equals(STUDY) ? "a study" : scope.equals(SERIES) ? "a series" : "an instance";
  }

  private void query(RouteTable api, String path, Level level, String summary) {
    api.route(GET, path).roles(Role.CLINICAL).patient("patientId").summary(summary).handler(ctx -> {
      Qido query = Qido.parse(level, ctx.queryParams());
      Principal who = RouteTable.principal(ctx);
      AuditEvent.Builder event = AuditEvent.by(ctx, who);
      String study = ctx.pathParam("study");
      imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.SEARCH, event)
          .compose(patient -> imaging.instances(patient, study, ctx.pathParam("series")).compose(found -> {
            JsonArray answer = query.answer(found, baseUrl(ctx));
            return imaging.record(event, patient, AuditAction.SEARCH, study, "level=" + level.name().toLowerCase()
                + " results=" + answer.size()).map(answer);
          }))
          .onSuccess(answer -> ctx.response().putHeader("Content-Type", DICOM_JSON).putHeader("Cache-Control", "no-store")
              .end(answer.encode()))
          .onFailure(ctx::fail);
    });
  }

  /** The instances a WADO-RS request addresses, after the care check; 404 when there are none. */
  record Scope(RoutingContext ctx, Patient patient, List<StoredInstance> instances, AuditEvent.Builder event) {
    String baseUrl() {
      return DicomWebRoutes.baseUrl(ctx);
    }
  }

  private void read(RouteTable api, String path, String summary, Function<Scope, Future<Void>> reply) {
    api.route(GET, path).roles(Role.CLINICAL).patient("patientId").summary(summary).handler(ctx -> {
      Principal who = RouteTable.principal(ctx);
      AuditEvent.Builder event = AuditEvent.by(ctx, who);
      String instance = ctx.pathParam("instance");
      imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.READ, event)
          .compose(patient -> addressed(patient, ctx.pathParam("study"), ctx.pathParam("series"), instance).compose(chosen -> {
            if (chosen.isEmpty()) return Future.failedFuture(new ApiException(ErrorCode.IMAGING_NOT_FOUND, "No such " + addressed(path) + " for this patient"));
            return reply.apply(new Scope(ctx, patient, chosen, event));
          }))
          .onFailure(ctx::fail);
    });
  }

  /**
   * The study's or series' instances, or the one instance by its UID (a viewer asks for every frame of a series
   * one by one: reading the whole series each time would grow with its length).
   */
  private Future<List<StoredInstance>> addressed(Patient patient, String study, String series, String instance) {
    if (instance == null) return imaging.instances(patient, study, series);
    return imaging.instance(patient.id(), instance).map(found -> found
        .filter(s -> s.dicom().studyInstanceUid().equals(study) && s.dicom().seriesInstanceUid().equals(series))
        .map(List::of).orElse(List.of()));
  }

  private static String addressed(String path) {
    return path.contains(":instance") ? "instance" : path.contains(":series") ? "series" : "study";
  }

  private void stow(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    String contentType = ctx.request().getHeader("Content-Type");
    imaging.requireVisible(who, ctx.pathParam("patientId"), AuditAction.CREATE, event).compose(patient -> {
      String boundary = MultipartRelated.boundary(contentType).orElse(null);
      String type = MultipartRelated.type(contentType).orElse("application/dicom");
      if (!ImagingRoutes.mediaType(contentType).equals("multipart/related") || boundary == null || !type.equals("application/dicom")) {
        return Future.failedFuture(new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            "STOW-RS takes multipart/related; type=\"application/dicom\"; boundary=...; DICOM JSON with bulk data is not supported"));
      }
      return RequestBody.toStagedFile(ctx, imaging)
          .compose(body -> imaging.onDicomWorkers(() -> {
            try {
              return MultipartRelated.split(body, boundary, imaging::stageBlocking);
            } finally {
              java.nio.file.Files.deleteIfExists(body);
            }
          }))
          .compose(parts -> imaging.store(who, patient, parts, event));
    }).onSuccess(results -> {
      ctx.response().setStatusCode(IngestResult.httpStatus(results)).putHeader("Content-Type", DICOM_JSON)
          .putHeader("Cache-Control", "no-store").end(StowAnswer.of(results, baseUrl(ctx)).encode());
    }).onFailure(ctx::fail);
  }

  /** The DICOMweb root of this patient as the caller reached it, for RetrieveURLs. */
  static String baseUrl(RoutingContext ctx) {
    String uri = ctx.request().absoluteURI();
    int end = uri.indexOf("/dicomweb");
    return uri.substring(0, end + "/dicomweb".length());
  }
}
