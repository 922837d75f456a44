package org.consilium.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Optimistic concurrency for updates: the client says which version it edited, in {@code If-Match} (the ETag
 * it read) or in the body's {@code version}; the store applies the change only to that version, else 412.
 */
public final class Preconditions {

  private Preconditions() {
  }

  /** The version the caller edited; 428 when it sent none, 400 when header and body disagree. */
  public static long expectedVersion(RoutingContext ctx, Long bodyVersion) {
    String header = ctx.request().getHeader("If-Match");
    Long fromHeader = header == null ? null : parse(header);
    if (fromHeader != null && bodyVersion != null && !fromHeader.equals(bodyVersion)) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "If-Match says version " + fromHeader + " but the body says " + bodyVersion);
    }
    Long version = fromHeader != null ? fromHeader : bodyVersion;
    if (version == null) {
      throw new ApiException(ErrorCode.PRECONDITION_REQUIRED,
          "Say which version you changed: send If-Match with the ETag you read, or \"version\" in the body");
    }
    return version;
  }

  /** Sets the ETag of a versioned resource: its version in quotes. */
  public static void etag(RoutingContext ctx, long version) {
    ctx.response().putHeader("ETag", "\"" + version + "\"");
  }

  private static Long parse(String header) {
    String v = header.strip();
    if (v.startsWith("W/")) v = v.substring(2);
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "If-Match must be an ETag this API sent, such as \"3\"");
    }
  }
}
