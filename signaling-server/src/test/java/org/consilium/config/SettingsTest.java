package org.consilium.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consilium.testing.GeneratedDocs;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  @DisplayName("defaults come from the reference; a file overrides them; the environment overrides the file")
  void precedence(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("consilium.properties");
    Files.writeString(file, "HTTP_PORT=9000\nMONGODB_DATABASE=fromfile\n");
    Settings s = Settings.load(Map.of("CONSILIUM_CONFIG", file.toString(), "MONGODB_DATABASE", "fromenv"));
    assertEquals(9000, s.integer("HTTP_PORT", 0, 65535));
    assertEquals("fromenv", s.string("MONGODB_DATABASE"));
    assertEquals("0.0.0.0", s.string("HTTP_HOST"));
  }

  @Test
  @DisplayName("a misspelt key in the file stops the start and names the key")
  void unknownKeyInFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("consilium.properties");
    Files.writeString(file, "HTTP_PROT=9000\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> Settings.load(Map.of("CONSILIUM_CONFIG", file.toString())));
    assertEquals("HTTP_PROT", e.key());
  }

  @Test
  @DisplayName("a value of the wrong type or range names its key")
  void badValues() {
    ConfigException notNumber = assertThrows(ConfigException.class,
        () -> Settings.load(Map.of("HTTP_PORT", "eighty")).integer("HTTP_PORT", 0, 65535));
    assertEquals("HTTP_PORT", notNumber.key());
    ConfigException outOfRange = assertThrows(ConfigException.class,
        () -> Settings.load(Map.of("HTTP_PORT", "70000")).integer("HTTP_PORT", 0, 65535));
    assertTrue(outOfRange.getMessage().contains("between 0 and 65535"));
    assertThrows(ConfigException.class, () -> Settings.load(Map.of("DEMO_DATA", "yes")).bool("DEMO_DATA"));
    assertThrows(ConfigException.class, () -> org.consilium.store.StoreConfig.from(
        Settings.load(Map.of("MONGODB_URI", "postgres://db"))));
  }

  @Test
  @DisplayName("a missing config file is a clear error")
  void missingFile() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Settings.load(Map.of("CONSILIUM_CONFIG", "/nonexistent/consilium.properties")));
    assertEquals("CONSILIUM_CONFIG", e.key());
  }

  @Test
  @DisplayName("docs/configuration.md lists every key with its default and meaning")
  void configurationDocIsCurrent() throws IOException {
    GeneratedDocs.assertSection("configuration.md", "keys", renderTable());
  }

  /** Renders the reference file (sections, keys, defaults, comments) as Markdown tables. */
  private static String renderTable() throws IOException {
    List<String> lines;
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(Settings.REFERENCE)) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    StringBuilder out = new StringBuilder();
    List<String> comment = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("## ")) {
        out.append("\n### ").append(line.substring(3)).append("\n\n| Key | Default | Meaning |\n|---|---|---|\n");
        comment.clear();
      } else if (line.startsWith("# ")) {
        comment.add(line.substring(2));
      } else if (line.contains("=") && !out.isEmpty()) {
        String key = line.substring(0, line.indexOf('='));
        String value = line.substring(line.indexOf('=') + 1);
        out.append("| `").append(key).append("` | ").append(value.isEmpty() ? "(empty)" : "`" + value + "`")
            .append(" | ").append(String.join(" ", comment).replace("|", "\\|")).append(" |\n");
        comment.clear();
      } else if (line.isBlank() && out.isEmpty()) {
        comment.clear();
      }
    }
    return out.append('\n').toString();
  }
}
