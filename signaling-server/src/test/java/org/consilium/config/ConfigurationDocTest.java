package org.consilium.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists exactly the keys of the reference, with the same defaults. */
class ConfigurationDocTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");

  @Test
  @DisplayName("docs/configuration.md and consilium-reference.properties list the same keys and defaults")
  void docMatchesReference() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "configuration.md"))) {
      Matcher m = ROW.matcher(line);
      if (m.find()) documented.put(m.group(1), defaultValue(m.group(2).strip()));
    }
    Settings reference = Settings.load(Map.of());
    Map<String, String> expected = new LinkedHashMap<>();
    Settings.keys().forEach(k -> expected.put(k, reference.string(k)));
    assertEquals(expected, documented);
  }

  private static String defaultValue(String cell) {
    if (cell.equals("(empty)")) return "";
    return cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
  }
}
