package org.consilium.http;

import io.vertx.ext.web.RoutingContext;

/**
 * Optimistic concurrency over HTTP: a record's version is its ETag ({@code "3"}), and a change must name the
 * version it was made from in {@code If-Match}. Without it two clinicians editing at once would silently
 * overwrite each other.
 */
public final class Preconditions {

  private Preconditions() {
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** The version named by If-Match: 428 when absent (or "*"), 412 when it names no version. */
  public static long ifMatch(RoutingContext ctx) {
    String header = ctx.request().getHeader("If-Match");
    String value = header == null ? "" : header.strip();
    if (value.isEmpty() || value.equals("*")) {
      throw new ApiException(ErrorCode.PRECONDITION_REQUIRED,
          "Send If-Match with the ETag of the version you changed, e.g. If-Match: \"3\"");
    }
    if (value.startsWith("W/")) value = value.substring(2);
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
    if (!value.matches("[0-9]{1,18}")) {
      throw new ApiException(ErrorCode.PRECONDITION_FAILED, "If-Match names no version of this record; read it again");
    }
    return Long.parseLong(value);
  }
}
