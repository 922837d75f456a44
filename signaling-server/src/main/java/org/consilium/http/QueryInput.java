package org.consilium.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.consilium.store.Page;

/**
 * Reads query parameters with the rules of {@link JsonInput}: every problem collected (pointer "/name"),
 * unknown or repeated parameters refused, since a misspelt filter must not silently widen a search.
 */
public final class QueryInput {

  private final JsonInput in;

  private QueryInput(JsonInput in) {
    this.in = in;
  }

  public static QueryInput of(RoutingContext ctx, String... allowed) {
    MultiMap params = ctx.queryParams();
    JsonObject values = new JsonObject();
    List<String> repeated = new java.util.ArrayList<>();
    for (String name : params.names()) {
      if (params.getAll(name).size() > 1) repeated.add(name);
      values.put(name, params.get(name));
    }
    QueryInput query = new QueryInput(JsonInput.of(values.toBuffer(), allowed));
    repeated.forEach(name -> query.in.error(name, "must be given once"));
    return query;
  }

  public String text(String name, int maxLength) {
    String s = in.text(name, 1, maxLength, false);
    return s == null || s.isEmpty() ? null : s;
  }

  public LocalDate date(String name) {
    return in.date(name, false);
  }

  /** An instant with its offset, e.g. 2026-03-01T00:00:00+07:00 or 2026-02-28T17:00:00Z. */
  public Instant instant(String name) {
    String s = text(name, 40);
    if (s == null) return null;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      in.error(name, "must be a date-time with offset, e.g. 2026-03-01T08:00:00+07:00");
      return null;
    }
  }

  public <T> T oneOf(String name, Function<String, Optional<T>> parse, List<String> allowed) {
    return in.oneOf(name, parse, allowed, false);
  }

  /** {@code limit} (1..maxLimit, default defaultLimit) and {@code offset} (0..100000, default 0). */
  public Page.Request paging(int defaultLimit, int maxLimit) {
    return new Page.Request((int) wholeNumber("limit", 1, maxLimit, defaultLimit), (int) wholeNumber("offset", 0, 100_000, 0));
  }

  /** Reports {@code laterName} unless its instant is after {@code earlierName}'s (when both are given). */
  public void requireAfter(String laterName, Instant later, String earlierName, Instant earlier) {
    if (earlier != null && later != null && !earlier.isBefore(later)) in.error(laterName, "must be after " + earlierName);
  }

  public void error(String name, String detail) {
    in.error(name, detail);
  }

  public void throwIfInvalid() {
    in.throwIfInvalid();
  }

  private long wholeNumber(String name, long min, long max, long fallback) {
    String s = text(name, 12);
    if (s == null) return fallback;
    try {
      long n = Long.parseLong(s);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    in.error(name, "must be a whole number between " + min + " and " + max);
    return fallback;
  }
}
