package org.consilium.imaging.dicomweb;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.consilium.audit.AuditAction;
import org.consilium.dicom.DicomImages;
import org.consilium.dicom.DicomRejected;
import org.consilium.dicom.StoredFrames;
import org.consilium.dicom.Window;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.http.FieldError;
import org.consilium.imaging.ImagingService;
import org.consilium.imaging.StoredInstance;

/**
 * WADO-RS answers (PS3.18 10.4): instances as stored (multipart/related; type="application/dicom"), metadata
 * (DICOM JSON), frames (as stored when compressed and any transfer syntax is accepted, else uncompressed
 * application/octet-stream, Explicit VR Little Endian) and rendered frames
 * (image/jpeg or image/png, with an optional {@code window=center,width}). Each access is audited first.
 */
final class WadoReplies {

  private static final String NATIVE = "1.2.840.10008.1.2.1";

  private final ImagingService imaging;

  WadoReplies(ImagingService imaging) {
    this.imaging = imaging;
  }

  Future<Void> instances(DicomWebRoutes.Scope scope) {
    RoutingContext ctx = scope.ctx();
    String accept = ctx.request().getHeader("Accept");
    if (!acceptable(accept, "application/dicom")) return notAcceptable("instances are sent as multipart/related; type=\"application/dicom\"");
    String syntax = param(accept, "transfer-syntax");
    if (syntax != null && !syntax.equals("*")) {
      for (StoredInstance s : scope.instances()) {
        if (!s.dicom().transferSyntaxUid().equals(syntax)) {
          return notAcceptable("instances are sent in their stored transfer syntax (transfer-syntax=*); no transcoding");
        }
      }
    }
    String boundary = UUID.randomUUID().toString();
    return audited(scope, "instances=" + scope.instances().size()).compose(v -> {
      HttpServerResponse r = multipart(ctx, boundary, "application/dicom");
      Future<Void> chain = Future.succeededFuture();
      boolean[] first = {true};
      for (StoredInstance s : scope.instances()) {
        chain = chain.compose(x -> imaging.bytes(s)).compose(bytes -> {
          Buffer part = Buffer.buffer(first[0] ? "" : "\r\n").appendBytes(MultipartRelated.partHeader(boundary,
              "application/dicom; transfer-syntax=" + s.dicom().transferSyntaxUid(), null)).appendBytes(bytes);
          first[0] = false;
          return r.write(part);
        });
      }
      return chain.compose(x -> r.end(Buffer.buffer(MultipartRelated.closing(boundary))));
    });
  }

  Future<Void> metadata(DicomWebRoutes.Scope scope) {
    List<String> objects = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (StoredInstance s : scope.instances()) {
      String url = scope.baseUrl() + "/studies/" + s.dicom().studyInstanceUid() + "/series/" + s.dicom().seriesInstanceUid()
          + "/instances/" + s.dicom().sopInstanceUid();
      chain = chain.compose(v -> imaging.metadata(s, url).map(json -> {
        objects.add(json);
        return null;
      }));
    }
    return chain.recover(WadoReplies::undecodable).compose(v -> audited(scope, "metadata=" + objects.size()))
        .compose(v -> scope.ctx().response().putHeader("Content-Type", DicomWebRoutes.DICOM_JSON)
            .putHeader("Cache-Control", "no-store").end("[" + String.join(",", objects) + "]"));
  }

  /**
   * Frames as stored when the client accepts any transfer syntax (or names the stored one) and the object is
   * compressed in a syntax with a frame media type; otherwise decoded to Explicit VR Little Endian.
   */
  Future<Void> frames(DicomWebRoutes.Scope scope) {
    RoutingContext ctx = scope.ctx();
    StoredInstance s = scope.instances().get(0);
    List<Integer> numbers = frameNumbers(ctx, s);
    String accept = ctx.request().getHeader("Accept");
    String syntax = param(accept, "transfer-syntax");
    String stored = s.dicom().transferSyntaxUid();
    String storedType = StoredFrames.mediaType(stored);
    if (storedType != null && ("*".equals(syntax) || stored.equals(syntax) && acceptable(accept, storedType))) {
      return imaging.storedFrames(s, numbers).recover(WadoReplies::undecodable)
          .compose(frames -> sendFrames(scope, frames, storedType, stored));
    }
    if (!acceptable(accept, "application/octet-stream") || (syntax != null && !syntax.equals("*") && !syntax.equals(NATIVE))) {
      return notAcceptable("frames are sent uncompressed (multipart/related; type=\"application/octet-stream\"; transfer-syntax="
          + NATIVE + ") or, with transfer-syntax=*, as stored");
    }
    return imaging.frames(s, numbers).recover(WadoReplies::undecodable)
        .compose(frames -> sendFrames(scope, frames, "application/octet-stream", NATIVE));
  }

  private Future<Void> sendFrames(DicomWebRoutes.Scope scope, List<byte[]> frames, String type, String syntax) {
    return audited(scope, "frames=" + frames.size()).compose(v -> {
      String boundary = UUID.randomUUID().toString();
      HttpServerResponse r = multipart(scope.ctx(), boundary, type);
      Buffer body = Buffer.buffer();
      for (int i = 0; i < frames.size(); i++) {
        if (i > 0) body.appendString("\r\n");
        body.appendBytes(MultipartRelated.partHeader(boundary, type + "; transfer-syntax=" + syntax, null)).appendBytes(frames.get(i));
      }
      return r.end(body.appendBytes(MultipartRelated.closing(boundary)));
    });
  }

  Future<Void> rendered(DicomWebRoutes.Scope scope) {
    RoutingContext ctx = scope.ctx();
    StoredInstance s = scope.instances().get(0);
    int frame = ctx.pathParam("frames") == null ? 1 : frameNumbers(ctx, s).get(0);
    String accept = ctx.queryParams().contains("accept") ? ctx.queryParams().get("accept") : ctx.request().getHeader("Accept");
    DicomImages.Format format = accept != null && accept.toLowerCase(Locale.ROOT).contains("image/png") ? DicomImages.Format.PNG
        : DicomImages.Format.JPEG;
    if (!acceptable(accept, "image/jpeg") && !acceptable(accept, "image/png")) return notAcceptable("rendered images are image/jpeg or image/png");
    Window window = window(ctx.queryParams().get("window"));
    for (String name : ctx.queryParams().names()) {
      if (!name.equals("window") && !name.equals("accept")) throw ApiException.invalid("/" + name, "is not supported (window and accept are)");
    }
    return imaging.rendered(s, frame, window, format).recover(WadoReplies::undecodable)
        .compose(image -> audited(scope, "rendered frame=" + frame).compose(v -> ctx.response()
            .putHeader("Content-Type", format == DicomImages.Format.PNG ? "image/png" : "image/jpeg")
            .putHeader("Cache-Control", "private, no-store").end(Buffer.buffer(image))));
  }

  private Future<Void> audited(DicomWebRoutes.Scope scope, String detail) {
    return imaging.record(scope.event(), scope.patient(), AuditAction.READ, scope.instances().get(0).dicom().studyInstanceUid(), detail);
  }

  private static List<Integer> frameNumbers(RoutingContext ctx, StoredInstance s) {
    List<Integer> out = new ArrayList<>();
    for (String part : ctx.pathParam("frames").split(",")) {
      int n;
      try {
        n = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("/frames", "must be frame numbers separated by commas, e.g. 1,2,3");
      }
      if (n < 1 || n > Math.max(1, s.dicom().frames()) || !s.dicom().isImage()) {
        throw new ApiException(ErrorCode.IMAGING_NOT_FOUND, "Frame " + n + " does not exist; the instance has "
            + (s.dicom().isImage() ? s.dicom().frames() : 0) + " frames");
      }
      out.add(n);
    }
    return out;
  }

  private static Window window(String value) {
    if (value == null) return null;
    String[] p = value.split(",");
    try {
      if (p.length >= 2 && p.length <= 3 && (p.length == 2 || p[2].equalsIgnoreCase("linear"))) {
        return new Window(Double.parseDouble(p[0]), Double.parseDouble(p[1]));
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ApiException.invalid(List.of(new FieldError("/window", "must be center,width[,linear] with a width of at least 1")));
  }

  private static HttpServerResponse multipart(RoutingContext ctx, String boundary, String type) {
    return ctx.response().setChunked(true).putHeader("Cache-Control", "no-store")
        .putHeader("Content-Type", "multipart/related; type=\"" + type + "\"; boundary=" + boundary);
  }

  /** Accept absent, a wildcard, or naming {@code type} (directly or as multipart/related's type). */
  private static boolean acceptable(String accept, String type) {
    if (accept == null || accept.isBlank()) return true;
    String a = accept.toLowerCase(Locale.ROOT);
    return a.contains("*/*") || a.contains(type) || (a.contains("multipart/related") && !a.contains("type="));
  }

  private static String param(String header, String name) {
    if (header == null) return null;
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)" + name + "=\"?([^\";,\\s]+)").matcher(header);
    return m.find() ? m.group(1) : null;
  }

  private static <T> Future<T> notAcceptable(String detail) {
    return Future.failedFuture(new ApiException(ErrorCode.IMAGING_NOT_ACCEPTABLE, detail));
  }

  private static <T> Future<T> undecodable(Throwable e) {
    if (e instanceof DicomRejected r) return Future.failedFuture(new ApiException(ErrorCode.IMAGE_NOT_DECODABLE, r.getMessage()));
    return Future.failedFuture(e);
  }
}
