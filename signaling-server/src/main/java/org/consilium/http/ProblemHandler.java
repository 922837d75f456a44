package org.consilium.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root failure handler: expected failures ({@link ApiException}) become their problem; router statuses
 * (404, 405, 413...) map to the catalogue; anything else is a CNS-0500, logged once with its cause.
 */
public final class ProblemHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    // A route refused before reading the body (e.g. no token) left the request paused: let the rest of the body
    // flow in and be dropped, or the client blocks sending it and never reads the answer.
    if (!ctx.request().isEnded()) ctx.request().resume();
    Throwable failure = ctx.failure();
    if (failure instanceof ApiException api) {
      Problems.send(ctx, api);
      return;
    }
    if (failure instanceof io.vertx.ext.web.handler.HttpException http && http.getStatusCode() < 500) {
      Problems.send(ctx, new ApiException(fromStatus(http.getStatusCode()), http.getPayload()));
      return;
    }
    if (failure instanceof org.consilium.store.StoreUnavailable || failure instanceof com.mongodb.MongoTimeoutException
        || failure instanceof com.mongodb.MongoSocketException) {
      Problems.send(ctx, new ApiException(ErrorCode.NOT_READY, "Storage is unavailable; try again shortly"));
      return;
    }
    if (failure == null && ctx.statusCode() < 500) {
      Problems.send(ctx, new ApiException(fromStatus(ctx.statusCode()), null));
      return;
    }
    LOG.atError()
        .addKeyValue("requestId", RequestIds.of(ctx))
        .setCause(failure)
        .log("Unexpected failure");
    Problems.send(ctx, new ApiException(ErrorCode.INTERNAL,
        "Unexpected error; quote request id " + RequestIds.of(ctx) + " to support"));
  }

  static ErrorCode fromStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCode.BAD_REQUEST;
      case 401 -> ErrorCode.UNAUTHENTICATED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.TOO_MANY_REQUESTS;
      default -> status >= 400 && status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL;
    };
  }
}
