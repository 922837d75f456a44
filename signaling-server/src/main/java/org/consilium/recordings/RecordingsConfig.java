package org.consilium.recordings;

import java.nio.file.Path;
import java.time.Period;
import org.consilium.config.Settings;

/** Where recordings are kept, for how long, and how large they and their upload chunks may be. */
record RecordingsConfig(Path root, Period retention, long maxBytes, long maxChunkBytes) {

  static RecordingsConfig from(Settings s) {
    return new RecordingsConfig(s.path("DATA_DIR").resolve("recordings"), Period.ofYears(s.integer("RECORDING_RETENTION_YEARS", 1, 100)),
        s.integer("RECORDING_MAX_MB", 1, 1_048_576) * 1024L * 1024L, s.integer("RECORDING_MAX_CHUNK_MB", 1, 256) * 1024L * 1024L);
  }
}
