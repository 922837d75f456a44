package org.consilium.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded MongoDB-wire server with its H2 file. */
class EmbeddedStoreTest extends StoreContract {

  @TempDir
  Path dataDir;

  @Override
  protected Future<Store> open(Vertx vertx) {
    return Store.open(vertx, new StoreConfig(Optional.empty(), "consilium", dataDir, 4));
  }
}
