package org.consilium.consultations;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.consilium.access.Principal;
import org.consilium.access.Role;
import org.consilium.audit.AuditAction;
import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditOutcome;
import org.consilium.audit.AuditTrail;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.QueryInput;
import org.consilium.http.RouteTable;

/**
 * Documents attached to a request: the raw file as the body, its type in Content-Type, and
 * {@code ?kind=document|lab_result&fileName=...}. Imaging studies are linked by the imaging capability, not uploaded here.
 */
final class AttachmentRoutes {

  /** What a document may be, with the bytes it must start with (null: text, checked for no NUL bytes). */
  private static final Map<String, byte[]> TYPES = Map.of(
      "application/pdf", "%PDF-".getBytes(), "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
      "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "text/plain", new byte[0], "text/csv", new byte[0]);

  private static final List<String> UPLOADED = List.of("document", "lab_result");

  private final RequestService requests;
  private final AttachmentFiles files;
  private final AuditTrail audit;
  private final long maxBytes;
  /** Studies are attached by reference, not uploaded here. */
  final StudyAttachments studies;

  AttachmentRoutes(RequestService requests, AttachmentFiles files, AuditTrail audit, long maxBytes) {
    this.requests = requests;
    this.files = files;
    this.audit = audit;
    this.maxBytes = maxBytes;
    this.studies = new StudyAttachments(requests);
  }

  void mount(RouteTable api) {
    api.route(POST, RequestRoutes.BASE + "/:requestId/attachments").roles(Role.CLINICAL).bodyLimit(maxBytes)
        .summary("Attach a document to a consultation request").handler(this::upload);
    api.route(GET, RequestRoutes.BASE + "/:requestId/attachments/:attachmentId").roles(Role.CLINICAL)
        .summary("Download a consultation attachment").handler(this::download);
    studies.mount(api);
  }

  private void upload(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String id = ctx.pathParam("requestId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    requests.visible(who, id, AuditAction.CREATE, event).compose(seen -> {
      QueryInput q = QueryInput.of(ctx, "kind", "fileName");
      String kind = q.oneOf("kind", k -> UPLOADED.contains(k) ? Optional.of(k) : Optional.empty(), UPLOADED);
      String fileName = q.text("fileName", 200);
      if (kind == null) q.error("kind", "is required: document or lab_result");
      if (fileName == null || fileName.contains("/") || fileName.contains("\\")) q.error("fileName", "is required, without folders");
      q.throwIfInvalid();
      String type = contentType(ctx);
      Buffer body = ctx.body().buffer();
      checkContent(type, body);
      Attachment a = new Attachment(UUID.randomUUID().toString(), kind, fileName, type, body.length(), null, null,
          who.userId(), RequestService.now());
      return files.store(id, a.id(), body).compose(sha -> {
        Attachment stored = new Attachment(a.id(), kind, fileName, type, a.size(), sha, null, who.userId(), a.addedAt());
        return requests.attach(who, id, stored, event).map(saved -> stored)
            .recover(e -> files.delete(id, a.id()).transform(x -> Future.failedFuture(e)));
      });
    }).onSuccess(a -> {
      ctx.response().putHeader("Location", RequestRoutes.BASE + "/" + id + "/attachments/" + a.id());
      org.consilium.http.JsonReply.send(ctx, 201, a.toJson());
    }).onFailure(ctx::fail);
  }

  private void download(RoutingContext ctx) {
    Principal who = RouteTable.principal(ctx);
    String attachmentId = ctx.pathParam("attachmentId");
    AuditEvent.Builder event = AuditEvent.by(ctx, who);
    requests.visible(who, ctx.pathParam("requestId"), AuditAction.EXPORT, event).compose(seen -> {
      Optional<Attachment> a = seen.access() != RequestAccess.CLINICAL ? Optional.empty()
          : seen.request().attachments().stream().filter(x -> x.id().equals(attachmentId) && x.sha256() != null).findFirst();
      if (a.isEmpty()) return Future.failedFuture(new ApiException(ErrorCode.ATTACHMENT_NOT_FOUND, "No such attachment on this request"));
      return files.read(seen.request().id(), a.get().id(), a.get().sha256())
          .compose(bytes -> audit.record(event.patient(seen.request().patientId()).detail("attachment " + a.get().id())
              .build(AuditAction.EXPORT, AuditOutcome.SUCCESS)).map(v -> Map.entry(a.get(), bytes)));
    }).onSuccess(found -> ctx.response().putHeader("Content-Type", found.getKey().contentType())
        .putHeader("Content-Disposition", "attachment; filename*=UTF-8''" + java.net.URLEncoder.encode(found.getKey().fileName(),
            java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))
        .putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff").end(found.getValue()))
        .onFailure(ctx::fail);
  }

  private static String contentType(RoutingContext ctx) {
    String header = ctx.request().getHeader("Content-Type");
    String type = header == null ? "" : header.split(";")[0].strip().toLowerCase();
    if (!TYPES.containsKey(type)) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Attach a PDF, PNG, JPEG, plain text or CSV file; not " + (type.isEmpty() ? "an untyped body" : type));
    }
    return type;
  }

  private static void checkContent(String type, Buffer body) {
    if (body == null || body.length() == 0) throw ApiException.invalid("/", "the file is empty");
    byte[] magic = TYPES.get(type);
    boolean ok = magic.length == 0 ? body.toString().indexOf('\0') < 0 : body.length() >= magic.length
        && java.util.Arrays.equals(body.getBytes(0, magic.length), magic);
    if (!ok) throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file's content is not " + type);
  }
}
