package org.consilium.findings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * The {@code lesion_analyses} collection: one document per analysed frame, its flags and their reviews
 * inside it, so that a review is one atomic replace guarded by the version (no transactions needed).
 * Methods block; callers run them inside {@link Store#read}/{@link Store#write}.
 */
final class LesionAnalysisStore {

  static final String COLLECTION = "lesion_analyses";

  private final Store store;

  LesionAnalysisStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("patientId", "createdAt")));
  }

  void insert(LesionAnalysis a) {
    collection().insertOne(toDocument(a));
  }

  LesionAnalysis find(String patientId, String id) {
    Document d = collection().find(Filters.and(Filters.eq("_id", id), Filters.eq("patientId", patientId))).first();
    return d == null ? null : fromDocument(d);
  }

  /** The patient's analyses, newest first. */
  List<LesionAnalysis> list(String patientId, int limit) {
    List<LesionAnalysis> out = new ArrayList<>();
    collection().find(Filters.eq("patientId", patientId)).sort(Sorts.descending("createdAt")).limit(limit)
        .forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  String patientOf(String id) {
    Document d = collection().find(Filters.eq("_id", id)).projection(new Document("patientId", 1)).first();
    return d == null ? null : d.getString("patientId");
  }

  /** Distinct (model id, version) pairs, in name order. */
  List<java.util.Map.Entry<String, String>> models() {
    java.util.Set<java.util.Map.Entry<String, String>> seen = new java.util.TreeSet<>(java.util.Map.Entry.<String, String>comparingByKey()
        .thenComparing(java.util.Map.Entry.comparingByValue()));
    collection().find().projection(new Document("model", 1)).forEach(d -> {
      Document m = d.get("model", Document.class);
      if (m != null) seen.add(java.util.Map.entry(m.getString("id"), m.getString("version")));
    });
    return List.copyOf(seen);
  }

  /** Replaces {@code previous} by {@code next} if nobody changed it meanwhile; false if somebody did. */
  boolean replace(LesionAnalysis previous, LesionAnalysis next) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", previous.id()), Filters.eq("version", previous.version())),
        toDocument(next)).getModifiedCount() == 1;
  }

  void delete(String id) {
    collection().deleteOne(Filters.eq("_id", id));
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  private static Document toDocument(LesionAnalysis a) {
    JsonObject json = a.toJson();
    json.put("_id", json.remove("id"));
    return Document.parse(json.encode());
  }

  private static LesionAnalysis fromDocument(Document d) {
    JsonObject json = new JsonObject(d.toJson());
    json.put("id", json.remove("_id"));
    return LesionAnalysis.fromJson(json);
  }
}
