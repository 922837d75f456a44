package org.consilium.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.consilium.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The web app's audit filter and labels know every action the server records, in both languages. */
class AuditActionsInWebTest {

  private static final Path WEB = GeneratedDocs.docs().getParent().resolve("consultation-web/src");

  @Test
  @DisplayName("AUDIT_ACTIONS in the web app lists every AuditAction, and en and vi label each one")
  void webKnowsEveryAction() throws IOException {
    List<String> server = Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    String service = read("services/audit/AuditService.ts");
    String list = service.substring(service.indexOf("AUDIT_ACTIONS = ["), service.indexOf("] as const"));
    assertEquals(server, Pattern.compile("'([A-Z_]+)'").matcher(list).results().map(m -> m.group(1)).toList());
    for (String language : List.of("en", "vi")) {
      String labels = read("core/i18n/" + language + ".ts");
      List<String> missing = server.stream().filter(a -> !labels.contains("'audit.action." + a + "':")).toList();
      assertEquals(List.of(), missing, language + ".ts lacks labels");
    }
  }

  private static String read(String file) throws IOException {
    return Files.readString(WEB.resolve(file), StandardCharsets.UTF_8);
  }
}
