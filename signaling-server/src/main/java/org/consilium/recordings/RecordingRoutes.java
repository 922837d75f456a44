package org.consilium.recordings;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditEvent;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.FieldError;
import org.consilium.http.JsonInput;
import org.consilium.http.JsonReply;
import org.consilium.http.RouteTable;

/** The recordings API of a session's room: start, chunk upload with resume, complete, list, download, delete. */
public final class RecordingRoutes {

  private static final String BASE = "/api/rooms/:sessionId/recordings";
  private static final String ONE = BASE + "/:recordingId";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern MIME = Pattern.compile("(video|audio)/webm(;[ -~]{0,80})?");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  private final RecordingService recordings;

  public RecordingRoutes(RecordingService recordings) {
    this.recordings = recordings;
  }

  public void mount(RouteTable api) {
    api.route(POST, BASE).roles(Role.CLINICAL).summary("Start recording a session (moderator)").handler(this::start);
    api.route(GET, BASE).roles(Role.CLINICAL).summary("List a session's recordings").handler(this::list);
    api.route(GET, ONE).roles(Role.CLINICAL).summary("Read a recording (upload progress for resuming)").handler(this::read);
    api.route(PUT, ONE + "/chunks/:index").roles(Role.CLINICAL).bodyLimit(recordings.config().maxChunkBytes())
        .summary("Upload one chunk of a recording at ?offset=").handler(this::append);
    api.route(POST, ONE + "/complete").roles(Role.CLINICAL).summary("Finish a recording with its SHA-256").handler(this::complete);
    api.route(GET, ONE + "/content").roles(Role.CLINICAL).summary("Download a recording (Range supported)").handler(this::download);
    api.route(DELETE, ONE).roles(Role.CLINICAL).summary("Remove a recording after its retention date").handler(this::delete);
  }

  private void start(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "mimeType");
    String mime = in.text("mimeType", 1, 100, true);
    if (mime != null && !MIME.matcher(mime).matches()) in.error("mimeType", "must be video/webm or audio/webm (with codecs)");
    in.throwIfInvalid();
    Principal who = RouteTable.principal(ctx);
    recordings.start(who, ctx.pathParam("sessionId"), mime, AuditEvent.by(ctx, who))
        .onSuccess(r -> JsonReply.send(ctx, 201, r.toJson())).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    recordings.list(who, ctx.pathParam("sessionId"), AuditEvent.by(ctx, who)).onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(r -> items.add(r.toJson()));
      JsonReply.send(ctx, 200, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private void read(RoutingContext ctx) {
    recordings.read(RouteTable.principal(ctx), ctx.pathParam("sessionId"), ctx.pathParam("recordingId"))
        .onSuccess(r -> JsonReply.send(ctx, 200, r.toJson())).onFailure(ctx::fail);
  }

  private void append(RoutingContext ctx) {
    long index = number(ctx.pathParam("index"), "index");
    long offset = number(ctx.request().getParam("offset"), "offset");
    if (index > Integer.MAX_VALUE) throw invalid("index", "is too large");
    if (ctx.body().length() == 0) throw invalid("body", "a chunk must hold at least one byte");
    recordings.append(RouteTable.principal(ctx), ctx.pathParam("sessionId"), ctx.pathParam("recordingId"), (int) index, offset,
        ctx.body().buffer()).onSuccess(r -> JsonReply.send(ctx, 200, r.toJson())).onFailure(ctx::fail);
  }

  private void complete(RoutingContext ctx) {
    JsonInput in = JsonInput.of(ctx, "sha256");
    String sha = in.text("sha256", 64, 64, true);
    if (sha != null && !SHA256.matcher(sha).matches()) in.error("sha256", "must be 64 hexadecimal digits");
    in.throwIfInvalid();
    Principal who = RouteTable.principal(ctx);
    recordings.complete(who, ctx.pathParam("sessionId"), ctx.pathParam("recordingId"), sha, AuditEvent.by(ctx, who))
        .onSuccess(r -> JsonReply.send(ctx, 200, r.toJson())).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    recordings.download(who, ctx.pathParam("sessionId"), ctx.pathParam("recordingId"), AuditEvent.by(ctx, who)).onSuccess(d -> {
      long size = d.recording().receivedBytes();
      long from = 0;
      long to = size - 1;
      String range = ctx.request().getHeader("Range");
      Matcher m = range == null ? null : RANGE.matcher(range.trim());
      boolean partial = m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty());
      if (partial) {
        from = m.group(1).isEmpty() ? Math.max(0, size - Long.parseLong(m.group(2))) : Long.parseLong(m.group(1));
        to = m.group(1).isEmpty() || m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        if (from >= size || from > to) {
          ctx.response().setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
          return;
        }
        ctx.response().setStatusCode(206).putHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
      }
      ctx.response().putHeader("Content-Type", d.recording().mimeType()).putHeader("Accept-Ranges", "bytes")
          .putHeader("X-Checksum-SHA256", d.recording().sha256()).putHeader("Cache-Control", "no-store")
          .putHeader("Content-Disposition", "attachment; filename=\"recording-" + d.recording().id() + ".webm\"")
          .sendFile(d.file().toString(), from, to - from + 1).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    recordings.delete(who, ctx.pathParam("sessionId"), ctx.pathParam("recordingId"), AuditEvent.by(ctx, who))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private static long number(String text, String field) {
    if (text == null || !text.matches("\\d{1,15}")) throw invalid(field, "must be a whole number from 0");
    return Long.parseLong(text);
  }

  private static ApiException invalid(String field, String detail) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, field + " " + detail, java.util.List.of(new FieldError("/" + field, detail)));
  }
}
