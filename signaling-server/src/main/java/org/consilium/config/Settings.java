package org.consilium.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolved configuration: the reference defaults, then an optional properties file named by
 * {@code CONSILIUM_CONFIG}, then environment variables. Only keys of the reference exist; a typo in the
 * file fails the start instead of being silently ignored. Typed records per capability read from here.
 */
public final class Settings {

  public static final String REFERENCE = "consilium-reference.properties";
  public static final String FILE_VARIABLE = "CONSILIUM_CONFIG";

  private final Map<String, String> values;

  private Settings(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /** Settings for a real start: reference, file from {@code CONSILIUM_CONFIG}, environment. */
  public static Settings fromEnvironment() {
    return load(System.getenv());
  }

  /** Settings from the given environment; tests pass a map instead of the process environment. */
  public static Settings load(Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>(reference());
    String file = environment.get(FILE_VARIABLE);
    if (file != null && !file.isBlank()) {
      merged.putAll(checkedKeys(readFile(Path.of(file)), merged.keySet(), file));
    }
    for (String key : merged.keySet()) {
      String fromEnv = environment.get(key);
      if (fromEnv != null) merged.put(key, fromEnv);
    }
    return new Settings(merged);
  }

  /** The keys of the reference, in order: the documented configuration surface. */
  public static Set<String> keys() {
    return reference().keySet();
  }

  public String string(String key) {
    String value = values.get(key);
    if (value == null) throw new ConfigException(key, "is not a configuration key");
    return value.trim();
  }

  public int integer(String key, int min, int max) {
    String raw = string(key);
    try {
      int v = Integer.parseInt(raw);
      if (v < min || v > max) throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + raw);
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, got '" + raw + "'");
    }
  }

  public boolean bool(String key) {
    String raw = string(key).toLowerCase();
    if (raw.equals("true")) return true;
    if (raw.equals("false") || raw.isEmpty()) return false;
    throw new ConfigException(key, "must be true or false, got '" + raw + "'");
  }

  public Duration seconds(String key, int min, int max) {
    return Duration.ofSeconds(integer(key, min, max));
  }

  public Duration millis(String key, int min, int max) {
    return Duration.ofMillis(integer(key, min, max));
  }

  public Path path(String key) {
    String raw = string(key);
    if (raw.isEmpty()) throw new ConfigException(key, "must not be empty");
    return Path.of(raw).toAbsolutePath().normalize();
  }

  public List<String> list(String key) {
    String raw = string(key);
    if (raw.isEmpty()) return List.of();
    return List.of(raw.split("\\s*,\\s*"));
  }

  /** A copy with some values replaced: used by tests and by tools that derive a node's settings. */
  public Settings with(Map<String, String> overrides) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.putAll(checkedKeys(overrides, values.keySet(), "overrides"));
    return new Settings(copy);
  }

  private static Map<String, String> reference() {
    try (InputStream in = Settings.class.getClassLoader().getResourceAsStream(REFERENCE)) {
      if (in == null) throw new IllegalStateException(REFERENCE + " is missing from the classpath");
      return ordered(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + REFERENCE, e);
    }
  }

  private static Map<String, String> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return ordered(in);
    } catch (IOException e) {
      throw new ConfigException(FILE_VARIABLE, "names a file that cannot be read: " + file);
    }
  }

  /** Properties keep no order; read keys in file order so that the reference doubles as documentation. */
  private static Map<String, String> ordered(InputStream in) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    Properties props = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        out.put((String) key, (String) value);
        return super.put(key, value);
      }
    };
    try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      props.load(reader);
    }
    return out;
  }

  private static Map<String, String> checkedKeys(Map<String, String> given, Set<String> known, String source) {
    Set<String> unknown = new TreeSet<>(given.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new ConfigException(String.join(", ", unknown), "unknown in " + source + " (see " + REFERENCE + ")");
    }
    return given;
  }
}
