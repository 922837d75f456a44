package org.consilium.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind every capability: the official MongoDB driver, pointed at a real MongoDB or at the
 * embedded server. Driver calls block, so they run on a dedicated worker pool, never on an event loop.
 * Reads go through {@link #read}, writes through {@link #write}: on the embedded server a write is
 * committed to disk before its Future completes, so an acknowledged write survives a hard kill.
 */
public final class Store {

  private static final Logger LOG = LoggerFactory.getLogger(Store.class);

  private final StoreConfig config;
  private final EmbeddedMongo embedded;
  private final MongoClient client;
  private final MongoDatabase database;
  private final WorkerExecutor workers;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Store(StoreConfig config, EmbeddedMongo embedded, MongoClient client, WorkerExecutor workers) {
    this.config = config;
    this.embedded = embedded;
    this.client = client;
    this.database = client.getDatabase(config.database());
    this.workers = workers;
  }

  /** Starts the embedded server when no URI is configured, connects, and checks the database answers. */
  public static Future<Store> open(Vertx vertx, StoreConfig config) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor("store", config.workerThreads(), 60, TimeUnit.SECONDS);
    return workers.executeBlocking(() -> {
      EmbeddedMongo embedded = config.embedded() ? EmbeddedMongo.start(config.dataDir().resolve("db")) : null;
      String uri = embedded != null ? embedded.connectionString() : config.mongoUri().orElseThrow();
      MongoClientSettings.Builder settings = MongoClientSettings.builder()
          .applicationName("consilium")
          .applyConnectionString(new ConnectionString(uri))
          .applyToClusterSettings(b -> b.serverSelectionTimeout(10, TimeUnit.SECONDS));
      if (embedded == null) {
        // Clinical writes are acknowledged only once a majority of the replica set has journaled them.
        settings.writeConcern(WriteConcern.MAJORITY.withJournal(true)).readConcern(ReadConcern.MAJORITY);
      }
      MongoClient client = MongoClients.create(settings.build());
      Store store = new Store(config, embedded, client, workers);
      store.database.runCommand(new Document("ping", 1));
      LOG.atInfo().addKeyValue("embedded", embedded != null).addKeyValue("database", config.database())
          .log("Store connected");
      return store;
    });
  }

  public boolean embedded() {
    return embedded != null;
  }

  public StoreConfig config() {
    return config;
  }

  public MongoCollection<Document> collection(String name) {
    return database.getCollection(name);
  }

  /** A blocking read on the store pool. */
  public <T> Future<T> read(Callable<T> work) {
    return onWorkers(work);
  }

  /** A blocking write on the store pool, durable before the Future completes. */
  public <T> Future<T> write(Callable<T> work) {
    return onWorkers(() -> {
      T result = work.call();
      if (embedded != null) embedded.commit();
      return result;
    });
  }

  private <T> Future<T> onWorkers(Callable<T> work) {
    if (closed.get()) return Future.failedFuture(new StoreUnavailable("The store is closed"));
    try {
      return workers.executeBlocking(work, false);
    } catch (RuntimeException e) {
      return Future.failedFuture(new StoreUnavailable("The store is shutting down"));
    }
  }

  /** Creates the indexes a collection needs; called once at start by each capability's store. */
  public Future<Void> ensureIndexes(String collection, List<IndexModel> indexes) {
    return onWorkers(() -> {
      if (!indexes.isEmpty()) database.getCollection(collection).createIndexes(indexes);
      return null;
    });
  }

  /** Readiness: the database answers a ping. */
  public Future<Void> ping() {
    return read(() -> {
      database.runCommand(new Document("ping", 1));
      return null;
    });
  }

  /** Closes the driver, then flushes and stops the embedded server. Closing twice is harmless. */
  public Future<Void> close() {
    if (!closed.compareAndSet(false, true)) return Future.succeededFuture();
    Future<Void> done = workers.executeBlocking(() -> {
      client.close();
      if (embedded != null) embedded.stop();
      return null;
    });
    return done.eventually(workers::close);
  }
}
