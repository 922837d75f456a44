package org.consilium.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Calls Consilium's own public API on loopback. Demo data goes through the same validation, access control
 * and audit as anything a user types, so it can never hold what the API would refuse.
 */
final class DemoClient {

  private final WebClient client;
  private final String token;

  private DemoClient(WebClient client, String token) {
    this.client = client;
    this.token = token;
  }

  static DemoClient anonymous(Vertx vertx, int port) {
    return new DemoClient(WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(port)), null);
  }

  /** A client acting as the given account. */
  Future<DemoClient> login(String username, String password) {
    return send(HttpMethod.POST, "/api/auth/login", new JsonObject().put("username", username).put("password", password))
        .map(body -> new DemoClient(client, ((JsonObject) body).getString("accessToken")));
  }

  Future<JsonObject> post(String path, JsonObject body) {
    return send(HttpMethod.POST, path, body).map(JsonObject.class::cast);
  }

  Future<JsonObject> getObject(String path) {
    return send(HttpMethod.GET, path, null).map(JsonObject.class::cast);
  }

  Future<JsonArray> getArray(String path) {
    return send(HttpMethod.GET, path, null).map(JsonArray.class::cast);
  }

  void close() {
    client.close();
  }

  private Future<Object> send(HttpMethod method, String path, JsonObject body) {
    var request = client.request(method, path);
    if (token != null) request.bearerTokenAuthentication(token);
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.compose(resp -> {
      if (resp.statusCode() >= 300) {
        return Future.failedFuture(new IllegalStateException(method + " " + path.replaceAll("\\?.*", "")
            + " answered " + resp.statusCode() + " " + problemCode(resp)));
      }
      Buffer b = resp.body();
      if (b == null || b.length() == 0) return Future.succeededFuture(null);
      return Future.succeededFuture(b.toString().stripLeading().startsWith("[") ? b.toJsonArray() : b.toJsonObject());
    });
  }

  /** Only the problem code: a problem's detail may quote submitted values, which are patient data. */
  private static String problemCode(HttpResponse<Buffer> resp) {
    try {
      return resp.bodyAsJsonObject().getString("code", "");
    } catch (RuntimeException e) {
      return "";
    }
  }
}
