package org.consilium.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consilium.testing.GeneratedDocs;
import org.consilium.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OpenApiTest {

  private static final Pattern TEMPLATE = Pattern.compile("\\{([A-Za-z0-9]+)}");

  @Test
  @DisplayName("GET /api/openapi.json describes every mounted endpoint; docs/openapi.json is the same document")
  void describesEveryEndpoint() {
    try (TestServer server = TestServer.create().start()) {
      assertEquals(401, server.api().get("/api/openapi.json").status(), "deny by default, the description too");
      JsonObject doc = server.admin().get("/api/openapi.json").json();
      assertEquals("3.1.0", doc.getString("openapi"));
      JsonObject paths = doc.getJsonObject("paths");
      List<Endpoint> endpoints = server.verticle().endpoints().all();
      Set<String> operationIds = new HashSet<>();
      List<String> problems = new ArrayList<>();
      for (Endpoint e : endpoints) {
        JsonObject item = paths.getJsonObject(OpenApiDocument.templated(e.path()));
        JsonObject op = item == null ? null : item.getJsonObject(e.method().name().toLowerCase(java.util.Locale.ROOT));
        if (op == null) {
          problems.add("missing " + e.method() + " " + e.path());
          continue;
        }
        if (!operationIds.add(op.getString("operationId"))) problems.add("duplicate operationId " + op.getString("operationId"));
        assertEquals(e.summary(), op.getString("summary"));
        assertEquals(e.isPublic(), op.getJsonArray("security").isEmpty(), e.path());
        assertEquals(e.roles().size(), op.getJsonArray("x-consilium-roles").size(), e.path());
        assertEquals(e.patientPath() != null, op.getBoolean("x-consilium-patient-scoped"), e.path());
        Set<String> declared = new HashSet<>();
        for (Object p : item.getJsonArray("parameters")) declared.add(((JsonObject) p).getString("name"));
        Matcher m = TEMPLATE.matcher(OpenApiDocument.templated(e.path()));
        Set<String> used = new HashSet<>();
        while (m.find()) used.add(m.group(1));
        if (!used.equals(declared)) problems.add(e.path() + " declares " + declared + " but uses " + used);
      }
      assertTrue(problems.isEmpty(), String.join("\n", problems));
      int operations = paths.stream().mapToInt(p -> (int) ((JsonObject) p.getValue()).fieldNames().stream()
          .filter(k -> !k.equals("parameters")).count()).sum();
      assertEquals(endpoints.size(), operations, "no operation that is not mounted");
      JsonArray problemRequired = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem").getJsonArray("required");
      assertTrue(problemRequired.contains("status"));
      GeneratedDocs.assertFile("openapi.json", doc.encodePrettily() + "\n");
    }
  }
}
