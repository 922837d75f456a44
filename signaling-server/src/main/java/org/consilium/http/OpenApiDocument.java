package org.consilium.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.access.Role;

/**
 * The OpenAPI 3.1 description of the HTTP API, rendered from the endpoint catalogue so it cannot drift from
 * what is mounted. It states paths, methods, summaries, path parameters, who may call each operation
 * ({@code x-consilium-roles}, {@code x-consilium-patient-scoped}) and the problem+json errors every operation can
 * answer. Request and response bodies are described per capability in docs/*.md, not here.
 */
public final class OpenApiDocument {

  /** The API's version (paths and semantics), not the build's: it changes when a client would have to. */
  public static final String API_VERSION = "1";
  private static final Pattern PARAM = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

  private OpenApiDocument() {
  }

  public static JsonObject render(List<Endpoint> endpoints) {
    Map<String, JsonObject> paths = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      paths.computeIfAbsent(templated(e.path()), p -> new JsonObject().put("parameters", parameters(e.path())))
          .put(e.method().name().toLowerCase(java.util.Locale.ROOT), operation(e));
    }
    JsonObject pathsJson = new JsonObject();
    paths.forEach(pathsJson::put);
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "Consilium HTTP API").put("version", API_VERSION)
            .put("description", "Remote consultation between district and central hospitals. Every operation but the"
                + " public ones needs a bearer access token (POST /api/auth/login or SSO); errors are RFC 9457"
                + " problem+json with a CNS-xxxx code. docs/security.md explains the roles and care relationships."))
        .put("paths", pathsJson)
        .put("components", new JsonObject()
            .put("securitySchemes", new JsonObject().put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer")
                .put("bearerFormat", "JWT")))
            .put("schemas", new JsonObject().put("Problem", problemSchema()))
            .put("responses", new JsonObject().put("Problem", new JsonObject().put("description", "An error (problem+json)")
                .put("content", new JsonObject().put("application/problem+json", new JsonObject()
                    .put("schema", new JsonObject().put("$ref", "#/components/schemas/Problem")))))));
  }

  private static JsonObject operation(Endpoint e) {
    JsonObject op = new JsonObject()
        .put("operationId", e.method().name().toLowerCase(java.util.Locale.ROOT) + operationName(e.path()))
        .put("summary", e.summary())
        .put("tags", new JsonArray().add(tag(e.path())))
        .put("x-consilium-roles", new JsonArray(e.roles().stream().map(Role::wire).sorted().toList()))
        .put("x-consilium-patient-scoped", e.patientPath() != null)
        .put("responses", new JsonObject()
            .put("2XX", new JsonObject().put("description", "Success"))
            .put("default", new JsonObject().put("$ref", "#/components/responses/Problem")));
    op.put("security", e.isPublic() ? new JsonArray() : new JsonArray().add(new JsonObject().put("bearer", new JsonArray())));
    return op;
  }

  private static JsonArray parameters(String path) {
    JsonArray out = new JsonArray();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      out.add(new JsonObject().put("name", m.group(1)).put("in", "path").put("required", true)
          .put("schema", new JsonObject().put("type", "string")));
    }
    return out;
  }

  static String templated(String path) {
    return PARAM.matcher(path).replaceAll("{$1}");
  }

  /** "/api/patients/:patientId/access-log" becomes "ApiPatientsPatientIdAccessLog": unique per method and path. */
  private static String operationName(String path) {
    StringBuilder out = new StringBuilder();
    for (String word : path.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }

  /** The capability: the first path segment after /api (or the path's own first segment). */
  private static String tag(String path) {
    String[] parts = path.split("/");
    return parts.length > 2 && parts[1].equals("api") ? parts[2] : parts.length > 1 ? parts[1] : "root";
  }

  private static JsonObject problemSchema() {
    JsonObject string = new JsonObject().put("type", "string");
    return new JsonObject().put("type", "object").put("required", new JsonArray().add("type").add("title").add("status"))
        .put("properties", new JsonObject().put("type", string).put("title", string)
            .put("status", new JsonObject().put("type", "integer")).put("detail", string).put("instance", string)
            .put("code", new JsonObject().put("type", "string").put("pattern", "^CNS-[0-9]{4}$"))
            .put("errors", new JsonObject().put("type", "array").put("items", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("pointer", string).put("detail", string)))));
  }
}
