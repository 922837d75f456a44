package org.consilium.imaging;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;

/** Streams a (paused) request body into a staged file, with back-pressure and the upload size limit. */
public final class RequestBody {

  private RequestBody() {
  }

  /** The staged file holding the whole body; on any failure the file is removed. */
  public static Future<Path> toStagedFile(RoutingContext ctx, ImagingService imaging) {
    long max = imaging.config().maxUploadBytes();
    String length = ctx.request().getHeader("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) return Future.failedFuture(tooLarge(ctx, max));
    return imaging.stage().compose(path -> ctx.vertx().fileSystem().open(path.toString(), new OpenOptions().setWrite(true))
        .compose(file -> pump(ctx, file, max).map(path))
        .recover(e -> imaging.onDicomWorkers(() -> Files.deleteIfExists(path)).compose(v -> Future.failedFuture(e))));
  }

  private static Future<Void> pump(RoutingContext ctx, AsyncFile file, long max) {
    HttpServerRequest req = ctx.request();
    Promise<Void> done = Promise.promise();
    AtomicLong total = new AtomicLong();
    req.handler(buf -> {
      if (done.future().isComplete()) return;
      if (total.addAndGet(buf.length()) > max) {
        done.tryFail(tooLarge(ctx, max));
        return;
      }
      file.write(buf);
      if (file.writeQueueFull()) {
        req.pause();
        file.drainHandler(v -> req.resume());
      }
    });
    req.exceptionHandler(done::tryFail);
    req.endHandler(v -> done.tryComplete());
    req.resume();
    return done.future().transform(ar -> file.close().transform(closed -> ar.succeeded() && closed.succeeded()
        ? Future.<Void>succeededFuture() : Future.failedFuture(ar.failed() ? ar.cause() : closed.cause())));
  }

  private static ApiException tooLarge(RoutingContext ctx, long max) {
    ctx.response().putHeader("Connection", "close");
    return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "An upload may hold at most " + max / (1024 * 1024) + " MiB (IMAGING_MAX_UPLOAD_MB)");
  }
}
