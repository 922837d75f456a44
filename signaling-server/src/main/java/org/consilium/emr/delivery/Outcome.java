package org.consilium.emr.delivery;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;

/** What one attempt came to: delivered, retry later (with the EMR's Retry-After if it gave one), or refused for good. */
record Outcome(OutboxEntry.State state, Integer status, String error, Duration retryAfter) {

  private static final int MAX_ERROR = 500;

  static Outcome retry(Integer status, String error, Duration retryAfter) {
    return new Outcome(OutboxEntry.State.PENDING, status, clip(error), retryAfter);
  }

  static Outcome of(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) return new Outcome(OutboxEntry.State.DELIVERED, status, null, null);
    String text = "HTTP " + status + explanation(response.bodyAsString());
    if (status == 408 || status == 429 || status >= 500) return retry(status, text, retryAfter(response.getHeader("Retry-After")));
    return new Outcome(OutboxEntry.State.REJECTED, status, clip(text), null);
  }

  /** The OperationOutcome's issues (severity, code, diagnostics or details), which is what the EMR's staff will ask for. */
  static String explanation(String body) {
    if (body == null || body.isBlank()) return "";
    try {
      JsonObject outcome = new JsonObject(body);
      if (!"OperationOutcome".equals(outcome.getString("resourceType"))) return "";
      StringBuilder out = new StringBuilder();
      JsonArray issues = outcome.getJsonArray("issue", new JsonArray());
      for (Object o : issues) {
        JsonObject issue = (JsonObject) o;
        String text = issue.getString("diagnostics");
        if (text == null && issue.getJsonObject("details") != null) text = issue.getJsonObject("details").getString("text");
        out.append(out.length() == 0 ? ": " : "; ").append(issue.getString("severity", "error")).append(' ')
            .append(issue.getString("code", "")).append(text == null ? "" : " " + text);
      }
      return out.toString();
    } catch (RuntimeException notFhir) {
      return "";
    }
  }

  private static Duration retryAfter(String header) {
    if (header == null) return null;
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds >= 0 && seconds <= 86_400 ? Duration.ofSeconds(seconds) : null;
    } catch (NumberFormatException httpDate) {
      return null;
    }
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
  }
}
