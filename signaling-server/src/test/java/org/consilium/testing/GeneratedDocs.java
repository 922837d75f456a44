package org.consilium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a generated section of a document in docs/ in step with the code it describes. The section sits
 * between {@code <!-- name:start -->} and {@code <!-- name:end -->}; a test renders it and fails when the
 * file differs, or rewrites the file when run with {@code -Dconsilium.updateDocs=true}.
 */
public final class GeneratedDocs {

  private GeneratedDocs() {
  }

  /** The repository's docs/ folder, found from the module directory the tests run in. */
  public static Path docs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) dir = dir.getParent();
    if (dir == null) throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
    return dir.resolve("docs");
  }

  /** Like {@link #assertSection} for a file that is generated whole (docs/openapi.json). */
  public static void assertFile(String file, String rendered) {
    Path path = docs().resolve(file);
    try {
      String current = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
      if (current.equals(rendered)) return;
      if (Boolean.getBoolean("consilium.updateDocs")) {
        Files.writeString(path, rendered, StandardCharsets.UTF_8);
        return;
      }
      assertEquals(rendered, current, path + " is stale; regenerate with mvn test -pl signaling-server -am -Dconsilium.updateDocs=true");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public static void assertSection(String file, String name, String rendered) {
    Path path = docs().resolve(file);
    String start = "<!-- " + name + ":start -->\n";
    String end = "<!-- " + name + ":end -->";
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      int s = text.indexOf(start);
      int e = text.indexOf(end);
      if (s < 0 || e < s) throw new AssertionError(path + " lacks the markers " + start.trim() + " ... " + end);
      String current = text.substring(s + start.length(), e);
      if (current.equals(rendered)) return;
      if (Boolean.getBoolean("consilium.updateDocs")) {
        Files.writeString(path, text.substring(0, s + start.length()) + rendered + text.substring(e), StandardCharsets.UTF_8);
        return;
      }
      assertEquals(rendered, current, path + " section '" + name + "' is stale; regenerate with "
          + "mvn test -pl signaling-server -am -Dconsilium.updateDocs=true");
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
