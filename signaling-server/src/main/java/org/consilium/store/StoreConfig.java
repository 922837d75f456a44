package org.consilium.store;

import java.nio.file.Path;
import java.util.Optional;
import org.consilium.config.ConfigException;
import org.consilium.config.Settings;

/** Where the data lives: a MongoDB URI, or the embedded MongoDB-wire server with its H2 file under dataDir. */
public record StoreConfig(Optional<String> mongoUri, String database, Path dataDir, int workerThreads) {

  public static StoreConfig from(Settings s) {
    String uri = s.string("MONGODB_URI");
    if (!uri.isEmpty() && !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
      throw new ConfigException("MONGODB_URI", "must start with mongodb:// or mongodb+srv://");
    }
    String db = s.string("MONGODB_DATABASE");
    if (!db.matches("[A-Za-z0-9_-]{1,63}")) {
      throw new ConfigException("MONGODB_DATABASE", "must be 1-63 letters, digits, '_' or '-'");
    }
    return new StoreConfig(uri.isEmpty() ? Optional.empty() : Optional.of(uri), db, s.path("DATA_DIR"),
        s.integer("STORE_WORKER_THREADS", 1, 256));
  }

  public boolean embedded() {
    return mongoUri.isEmpty();
  }
}
