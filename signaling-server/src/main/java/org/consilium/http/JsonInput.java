package org.consilium.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a JSON request body field by field and collects every problem before failing, so the client
 * learns all invalid fields at once. Unknown fields are refused: a typo must not silently drop data.
 *
 * <pre>
 * JsonInput in = JsonInput.of(ctx, "fullName", "birthDate");
 * String name = in.text("fullName", 1, 200, true);
 * LocalDate dob = in.date("birthDate", true);
 * in.throwIfInvalid();
 * </pre>
 */
public final class JsonInput {

  private static final JsonFactory STRICT = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JsonObject json;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonInput(JsonObject json, String prefix, List<FieldError> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Parses the request body as one JSON object that may hold only the allowed fields. */
  public static JsonInput of(RoutingContext ctx, String... allowedFields) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
    }
    return of(ctx.body().buffer(), allowedFields);
  }

  public static JsonInput of(Buffer body, String... allowedFields) {
    JsonObject json = parseObject(body);
    JsonInput in = new JsonInput(json, "", new ArrayList<>());
    in.refuseUnknown(allowedFields);
    return in;
  }

  /** Strict parse: one object, no duplicate keys, no trailing content. */
  public static JsonObject parseObject(Buffer body) {
    if (body == null || body.length() == 0) throw new ApiException(ErrorCode.BAD_REQUEST, "The request body is empty");
    try (JsonParser parser = STRICT.createParser(body.getBytes())) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new ApiException(ErrorCode.BAD_REQUEST, "The body must be a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) throw new ApiException(ErrorCode.BAD_REQUEST, "Unexpected content after the JSON object");
    } catch (IOException e) {
      throw new ApiException(ErrorCode.BAD_REQUEST, "The body is not valid JSON: " + firstLine(e.getMessage()));
    }
    return new JsonObject(body);
  }

  public boolean has(String field) {
    return json.containsKey(field);
  }

  public JsonObject raw() {
    return json;
  }

  /** A trimmed string; {@code null} when absent and optional. */
  public String text(String field, int minLength, int maxLength, boolean required) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) error(field, "is required");
      return null;
    }
    if (!(v instanceof String s)) {
      error(field, "must be a string");
      return null;
    }
    String t = s.strip();
    if (t.length() < minLength) error(field, minLength <= 1 ? "must not be empty" : "must have at least " + minLength + " characters");
    else if (t.length() > maxLength) error(field, "must have at most " + maxLength + " characters");
    else if (t.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) error(field, "must not contain control characters");
    return t;
  }

  public LocalDate date(String field, boolean required) {
    String s = text(field, 1, 10, required);
    if (s == null || s.isEmpty()) return null;
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(field, "must be a date as YYYY-MM-DD");
      return null;
    }
  }

  public Boolean bool(String field, boolean required) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) error(field, "is required");
      return null;
    }
    if (v instanceof Boolean b) return b;
    error(field, "must be true or false");
    return null;
  }

  public Long integer(String field, long min, long max, boolean required) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) error(field, "is required");
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long)) {
      error(field, "must be a whole number");
      return null;
    }
    long n = ((Number) v).longValue();
    if (n < min || n > max) error(field, "must be between " + min + " and " + max);
    return n;
  }

  /** One of the given wire values, mapped through {@code parse} (e.g. {@code Role::fromWire}). */
  public <T> T oneOf(String field, Function<String, Optional<T>> parse, List<String> allowed, boolean required) {
    String s = text(field, 1, 64, required);
    if (s == null) return null;
    Optional<T> value = parse.apply(s);
    if (value.isEmpty()) error(field, "must be one of " + String.join(", ", allowed));
    return value.orElse(null);
  }

  /** A nested object read with the same rules; its errors are reported under this field's pointer. */
  public JsonInput object(String field, boolean required, String... allowedFields) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) error(field, "is required");
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      error(field, "must be an object");
      return null;
    }
    JsonInput nested = new JsonInput(o, pointer(field), errors);
    nested.refuseUnknown(allowedFields);
    return nested;
  }

  public JsonArray array(String field, int maxItems, boolean required) {
    Object v = json.getValue(field);
    if (v == null) {
      if (required) error(field, "is required");
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      error(field, "must be an array");
      return null;
    }
    if (a.size() > maxItems) error(field, "must have at most " + maxItems + " items");
    return a;
  }

  /** Records a problem found by domain validation (e.g. a citizen ID that does not match the birth year). */
  public void error(String field, String detail) {
    errors.add(new FieldError(pointer(field), detail));
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) throw ApiException.invalid(errors);
  }

  private void refuseUnknown(String... allowed) {
    Set<String> unknown = new TreeSet<>(json.fieldNames());
    Arrays.asList(allowed).forEach(unknown::remove);
    unknown.forEach(f -> error(f, "is not a known field"));
  }

  private String pointer(String field) {
    return prefix + "/" + field.replace("~", "~0").replace("/", "~1");
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
