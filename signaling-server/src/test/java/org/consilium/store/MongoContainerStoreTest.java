package org.consilium.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same store contract on a real MongoDB (a single-node replica set in Docker). Skipped where no Docker
 * engine runs, as on the build machines of this project; run it on a workstation with Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerStoreTest extends StoreContract {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0.14");

  @TempDir
  Path dataDir;

  @Override
  protected Future<Store> open(Vertx vertx) {
    return Store.open(vertx, new StoreConfig(Optional.of(MONGO.getReplicaSetUrl("consilium")), "consilium", dataDir, 4));
  }
}
