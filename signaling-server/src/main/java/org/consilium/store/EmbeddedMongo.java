package org.consilium.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default database: mongo-java-server speaking the MongoDB wire protocol on loopback, persisting to one
 * H2 file. The application talks to it with the same official driver it uses for a real MongoDB.
 */
final class EmbeddedMongo {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final H2Backend backend;
  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo(H2Backend backend, MongoServer server, String connectionString) {
    this.backend = backend;
    this.server = server;
    this.connectionString = connectionString;
  }

  static EmbeddedMongo start(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create the data directory " + dataDir, e);
    }
    Path file = dataDir.resolve("consilium.mv.db");
    H2Backend backend = new H2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    InetSocketAddress address = server.getLocalAddress();
    LOG.atInfo().addKeyValue("file", file.toString()).addKeyValue("port", address.getPort())
        .log("Embedded MongoDB-wire server started");
    return new EmbeddedMongo(backend, server, "mongodb://127.0.0.1:" + address.getPort());
  }

  String connectionString() {
    return connectionString;
  }

  /** Makes every acknowledged write durable in the H2 file. */
  void commit() {
    backend.commit();
  }

  void stop() {
    backend.commit();
    server.shutdown();
    backend.close();
    LOG.info("Embedded MongoDB-wire server stopped");
  }
}
