package org.consilium.store;

import static org.consilium.testing.TestServer.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every capability's store relies on, run against each database Consilium supports: the embedded
 * server ({@link EmbeddedStoreTest}) and a real MongoDB ({@link MongoContainerStoreTest}). Nothing here
 * uses transactions; consistency comes from single-document atomic updates and unique indexes.
 */
abstract class StoreContract {

  protected Vertx vertx;
  protected Store store;
  private String collection;

  /** Opens a store on the database under test; called again by {@link #reopen()}. */
  protected abstract Future<Store> open(Vertx vertx);

  @BeforeEach
  void openStore() {
    vertx = Vertx.vertx();
    store = await(open(vertx));
    collection = "contract_" + UUID.randomUUID().toString().replace("-", "");
  }

  @AfterEach
  void closeStore() {
    await(store.close());
    await(vertx.close());
  }

  protected void reopen() {
    await(store.close());
    store = await(open(vertx));
  }

  private MongoCollection<Document> coll() {
    return store.collection(collection);
  }

  @Test
  @DisplayName("a unique index refuses a second document with the same key")
  void uniqueIndex() {
    await(store.ensureIndexes(collection, List.of(
        new IndexModel(Indexes.ascending("citizenId"), new IndexOptions().unique(true)))));
    await(store.write(() -> coll().insertOne(new Document("_id", "a").append("citizenId", "001099000001"))));
    MongoWriteException e = assertThrows(MongoWriteException.class, () -> await(store.write(() ->
        coll().insertOne(new Document("_id", "b").append("citizenId", "001099000001")))));
    assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(e.getCode()));
    assertEquals(1L, (long) await(store.read(() -> coll().countDocuments())));
  }

  @Test
  @DisplayName("a duplicate _id is refused: the audit chain uses it to stop two writers taking the same slot")
  void duplicateId() {
    await(store.write(() -> coll().insertOne(new Document("_id", 1L).append("hash", "x"))));
    assertThrows(MongoWriteException.class, () -> await(store.write(() ->
        coll().insertOne(new Document("_id", 1L).append("hash", "y")))));
    assertEquals("x", await(store.read(() -> coll().find(Filters.eq("_id", 1L)).first())).getString("hash"));
  }

  @Test
  @DisplayName("$inc from many concurrent writers loses no count (failed-login counters rely on it)")
  void atomicIncrement() {
    await(store.write(() -> coll().insertOne(new Document("_id", "u").append("failures", 0))));
    List<Future<Document>> all = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      all.add(store.write(() -> coll().findOneAndUpdate(Filters.eq("_id", "u"), Updates.inc("failures", 1),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }
    await(Future.all(all));
    assertEquals(50, await(store.read(() -> coll().find().first())).getInteger("failures"));
  }

  @Test
  @DisplayName("an update conditioned on the version wins once; a stale version matches nothing")
  void optimisticVersion() {
    await(store.write(() -> coll().insertOne(new Document("_id", "p").append("version", 1).append("name", "A"))));
    long first = await(store.write(() -> coll().updateOne(Filters.and(Filters.eq("_id", "p"), Filters.eq("version", 1)),
        Updates.combine(Updates.set("name", "B"), Updates.inc("version", 1))).getModifiedCount()));
    long stale = await(store.write(() -> coll().updateOne(Filters.and(Filters.eq("_id", "p"), Filters.eq("version", 1)),
        Updates.combine(Updates.set("name", "C"), Updates.inc("version", 1))).getModifiedCount()));
    assertEquals(1, first);
    assertEquals(0, stale);
    Document doc = await(store.read(() -> coll().find().first()));
    assertEquals("B", doc.getString("name"));
    assertEquals(2, doc.getInteger("version"));
  }

  @Test
  @DisplayName("anchored regular expressions on a normalised field find word prefixes (the name search)")
  void prefixSearch() {
    await(store.write(() -> coll().insertMany(List.of(
        new Document("_id", "1").append("nameSearch", "nguyen van an"),
        new Document("_id", "2").append("nameSearch", "tran thi binh"),
        new Document("_id", "3").append("nameSearch", "le nguyen khoa")))));
    List<Document> found = await(store.read(() -> coll().find(Filters.regex("nameSearch", "(^| )nguy"))
        .into(new ArrayList<>())));
    assertEquals(2, found.size());
  }

  @Test
  @DisplayName("an acknowledged write is still there after the store is closed and opened again")
  void survivesReopen() {
    await(store.write(() -> coll().insertOne(new Document("_id", "kept").append("v", 42))));
    reopen();
    Document doc = await(store.read(() -> coll().find(Filters.eq("_id", "kept")).first()));
    assertTrue(doc != null && doc.getInteger("v") == 42, "document lost across reopen");
  }
}
