package org.consilium.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the server over real HTTP, the way the web app or a script does. Immutable: each setter returns a copy. */
public final class ApiClient {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final String baseUrl;
  private final Map<String, String> headers;

  ApiClient(String baseUrl) {
    this(baseUrl, Map.of());
  }

  private ApiClient(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  public ApiClient header(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiClient(baseUrl, copy);
  }

  /** Sends {@code Authorization: Bearer token}. */
  public ApiClient token(String accessToken) {
    return header("Authorization", "Bearer " + accessToken);
  }

  public Response get(String path) {
    return send("GET", path, null, null);
  }

  public Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Response post(String path, JsonObject body) {
    return send("POST", path, body == null ? null : body.encode(), "application/json");
  }

  public Response put(String path, JsonObject body) {
    return send("PUT", path, body.encode(), "application/json");
  }

  public Response patch(String path, JsonObject body) {
    return send("PATCH", path, body.encode(), "application/json");
  }

  /** Any method with a raw body, for malformed-input tests. */
  public Response send(String method, String path, String body, String contentType) {
    return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), contentType);
  }

  /** Any method with a binary body (uploaded images). */
  public Response sendBytes(String method, String path, byte[] body, String contentType) {
    return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType);
  }

  private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .method(method, body);
    if (contentType != null) req.header("Content-Type", contentType);
    headers.forEach(req::header);
    try {
      HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(resp.statusCode(), resp.headers().map(), resp.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Any method with a binary body (DICOM, zip, multipart); the answer's body is kept as bytes. */
  public BinaryResponse sendBytes(String method, String path, byte[] body, String contentType, String accept) {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) req.header("Content-Type", contentType);
    if (accept != null) req.header("Accept", accept);
    headers.forEach(req::header);
    try {
      HttpResponse<byte[]> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new BinaryResponse(resp.statusCode(), resp.headers().map(), resp.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with a binary body; {@link #text()} and {@link #json()} read it as UTF-8. */
  public record BinaryResponse(int status, Map<String, java.util.List<String>> headers, byte[] body) {

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    public JsonObject json() {
      return new JsonObject(text());
    }

    public JsonArray array() {
      return new JsonArray(text());
    }

    public String header(String name) {
      return new Response(status, headers, "").header(name);
    }

    @Override
    public String toString() {
      return status + " " + (text().length() > 2000 ? text().substring(0, 2000) : text());
    }
  }

  /** A response; {@link #json()} and {@link #array()} parse the body. */
  public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray array() {
      return new JsonArray(body);
    }

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst().map(e -> e.getValue().get(0)).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
