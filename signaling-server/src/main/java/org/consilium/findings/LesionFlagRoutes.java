package org.consilium.findings;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.Preconditions;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;
import org.consilium.inference.ModelCard;

/**
 * AI lesion flags: endoscopists and specialists send a patient's endoscopy frame and get the flags back;
 * clinicians in the patient's care read them; endoscopists and specialists review each flag; administrators
 * switch and reload the models.
 */
public final class LesionFlagRoutes {

  private static final String BASE = "/api/patients/:patientId/lesion-analyses";
  private static final List<String> FRAME_TYPES = List.of("image/jpeg", "image/png");
  private static final List<String> SOURCES = List.of("upload", "live", "stored");

  private final LesionFlagService flags;
  private final LesionDetection detection;
  private final AuditTrail audit;
  private final LesionFlagsConfig config;
  private final StoredImageAnalysis stored;

  public LesionFlagRoutes(LesionFlagService flags, LesionDetection detection, AuditTrail audit, LesionFlagsConfig config,
                          StoredImageAnalysis stored) {
    this.stored = stored;
    this.flags = flags;
    this.detection = detection;
    this.audit = audit;
    this.config = config;
  }

  public void mount(RouteTable api) {
    api.route(POST, BASE).roles(LesionFlagService.REVIEWERS).patient("patientId").bodyLimit(config.maxFrameBytes())
        .summary("Analyse an endoscopy frame for lesions").handler(this::analyse);
    api.route(POST, BASE + "/stored").roles(LesionFlagService.REVIEWERS).patient("patientId")
        .summary("Analyse stored endoscopy images (a study, series, instance or frames) for lesions").handler(this::analyseStored);
    api.route(GET, BASE).roles(Role.CLINICAL).patient("patientId").summary("List lesion analyses").handler(this::list);
    api.route(GET, BASE + "/:analysisId").roles(Role.CLINICAL).patient("patientId").summary("Read a lesion analysis").handler(this::read);
    api.route(POST, BASE + "/:analysisId/flags/:flagId/review").roles(LesionFlagService.REVIEWERS).patient("patientId")
        .summary("Review a lesion flag").handler(this::review);
    api.route(GET, "/api/lesion-models").roles(Role.ALL).summary("List lesion models").handler(this::models);
    api.route(PUT, "/api/lesion-models/active").roles(Role.ADMINISTRATOR).summary("Switch the active lesion model").handler(this::activate);
    api.route(POST, "/api/lesion-models/reload").roles(Role.ADMINISTRATOR).summary("Reload lesion models").handler(this::reload);
  }

  private void analyse(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String patientId = ctx.pathParam("patientId");
    QueryInput query = QueryInput.of(ctx, "source");
    String source = query.oneOf("source", s -> SOURCES.contains(s) ? Optional.of(s) : Optional.empty(), SOURCES);
    query.throwIfInvalid();
    String type = Optional.ofNullable(ctx.request().getHeader("Content-Type")).map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    flags.analyse(who, patientId, () -> {
          if (!FRAME_TYPES.contains(type)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the frame as image/jpeg or image/png, not " + (type.isEmpty() ? "no Content-Type" : type));
          }
          return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        }, type, source == null ? "upload" : source, event)
        .onSuccess(a -> {
          ctx.response().putHeader("Location", "/api/patients/" + patientId + "/lesion-analyses/" + a.id());
          reply(ctx, 201, a);
        })
        .onFailure(e -> fail(ctx, e));
  }

  private void analyseStored(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    stored.analyse(who, ctx.pathParam("patientId"), () -> selection(ctx), AuditEvent.by(ctx, who))
        .onSuccess(o -> {
          JsonArray items = new JsonArray();
          o.analyses().forEach(a -> items.add(a.toJson()));
          JsonReply.send(ctx, 201, new JsonObject().put("items", items).put("failed", new JsonArray(o.failed())));
        })
        .onFailure(e -> fail(ctx, e));
  }

  private StoredImageAnalysis.Selection selection(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "studyUid", "seriesUid", "sopInstanceUid", "frames");
    String study = in.text("studyUid", 1, 64, true);
    String series = in.text("seriesUid", 1, 64, false);
    String sop = in.text("sopInstanceUid", 1, 64, false);
    JsonArray numbers = in.array("frames", config.maxStoredFrames(), false);
    List<Integer> frames = null;
    if (numbers != null) {
      if (sop == null) in.error("frames", "frames are numbered within one instance; name its sopInstanceUid");
      frames = new java.util.ArrayList<>();
      for (Object n : numbers) {
        if (n instanceof Integer i && i >= 1) frames.add(i);
        else in.error("frames", "frame numbers are whole numbers from 1");
      }
    }
    in.throwIfInvalid();
    return new StoredImageAnalysis.Selection(study, series, sop, frames);
  }

  private void list(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    int limit = QueryInput.of(ctx, "limit", "offset").paging(20, 100).limit();
    flags.list(who, ctx.pathParam("patientId"), limit, AuditEvent.by(ctx, who))
        .onSuccess(list -> {
          JsonArray items = new JsonArray();
          list.forEach(a -> items.add(a.toJson()));
          JsonReply.send(ctx, 200, new JsonObject().put("items", items));
        })
        .onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    flags.read(who, ctx.pathParam("patientId"), ctx.pathParam("analysisId"), AuditEvent.by(ctx, who))
        .onSuccess(a -> reply(ctx, 200, a))
        .onFailure(ctx::fail);
  }

  /** Care relationship and flag first, then version and input, as for patient updates. */
  private void review(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String flagId = ctx.pathParam("flagId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    flags.forReview(who, ctx.pathParam("patientId"), ctx.pathParam("analysisId"), flagId, event)
        .compose(current -> {
          JsonInput in = JsonInput.of(ctx, ReviewInput.FIELDS);
          ReviewInput input = ReviewInput.read(in, current.input().width(), current.input().height());
          long expected = Preconditions.expectedVersion(ctx, input.version());
          return flags.review(who, current, flagId, expected, input, event);
        })
        .onSuccess(a -> reply(ctx, 200, a))
        .onFailure(ctx::fail);
  }

  private void models(RoutingContext ctx) {
    detection.models().onSuccess(m -> JsonReply.send(ctx, 200, toJson(m))).onFailure(e -> fail(ctx, e));
  }

  private void activate(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    JsonInput in = JsonInput.of(ctx, "id", "version");
    String id = in.text("id", 1, 100, true);
    String version = in.text("version", 1, 50, false);
    in.throwIfInvalid();
    AuditEvent.Builder event = AuditEvent.by(ctx, who).resource("lesion_model", version == null ? id : id + " " + version);
    detection.activate(id, version)
        .compose(card -> audit.record(event.detail("active").build(AuditAction.UPDATE, AuditOutcome.SUCCESS)).compose(v -> detection.models()))
        .onSuccess(m -> JsonReply.send(ctx, 200, toJson(m)))
        .onFailure(e -> fail(ctx, e));
  }

  private void reload(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    AuditEvent.Builder event = AuditEvent.by(ctx, who).resource("lesion_model", null);
    detection.reload()
        .compose(m -> audit.record(event.detail("reload models=" + m.cards().size()).build(AuditAction.UPDATE, AuditOutcome.SUCCESS)).map(m))
        .onSuccess(m -> JsonReply.send(ctx, 200, toJson(m)))
        .onFailure(e -> fail(ctx, e));
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof ApiException api && api.code() == ErrorCode.LESION_DETECTION_BUSY) ctx.response().putHeader("Retry-After", "1");
    ctx.fail(e);
  }

  private static void reply(RoutingContext ctx, int status, LesionAnalysis a) {
    Preconditions.etag(ctx, a.version());
    JsonReply.send(ctx, status, a.toJson());
  }

  private static JsonObject toJson(LesionDetection.Models m) {
    JsonArray list = new JsonArray();
    for (ModelCard c : m.cards()) {
      list.add(new JsonObject().put("id", c.id()).put("version", c.version()).put("intendedUse", c.intendedUse())
          .put("input", new JsonObject().put("width", c.inputWidth()).put("height", c.inputHeight()))
          .put("thresholds", new JsonObject().put("probability", c.probabilityThreshold()).put("minLesionAreaPixels", c.minLesionAreaPixels()))
          .put("active", m.active() != null && m.active().name().equals(c.name())));
    }
    return new JsonObject().put("models", list)
        .put("active", m.active() == null ? null : new JsonObject().put("id", m.active().id()).put("version", m.active().version()))
        .put("problems", new JsonArray(m.problems()));
  }
}
