package org.consilium.security;

import static org.consilium.security.StoredRecords.date;
import static org.consilium.security.StoredRecords.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;

/** The {@code hospitals} collection; {@code code} is unique (enforced by an index, so concurrent creates are safe). */
final class HospitalStore {

  static final String COLLECTION = "hospitals";

  private final Store store;

  HospitalStore(Store store) {
    this.store = store;
  }

  Future<Void> ensureIndexes() {
    return store.ensureIndexes(COLLECTION, List.of(
        new IndexModel(Indexes.ascending("code"), new IndexOptions().unique(true).name("code_unique"))));
  }

  Future<Hospital> insert(Hospital h) {
    return store.write(() -> {
      StoredRecords.insertUnique(collection(), toDocument(h),
          () -> new ApiException(ErrorCode.HOSPITAL_CODE_TAKEN, "A hospital with code " + h.code() + " already exists"));
      return h;
    });
  }

  Future<Optional<Hospital>> find(String id) {
    return store.read(() -> Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(HospitalStore::fromDocument));
  }

  Future<Optional<Hospital>> findByCode(String code) {
    return store.read(() -> Optional.ofNullable(collection().find(Filters.eq("code", code)).first()).map(HospitalStore::fromDocument));
  }

  Future<List<Hospital>> list(boolean activeOnly) {
    return store.read(() -> {
      Bson filter = activeOnly ? Filters.eq("active", true) : new Document();
      List<Hospital> out = new ArrayList<>();
      collection().find(filter).sort(Sorts.ascending("code")).forEach(d -> out.add(fromDocument(d)));
      return out;
    });
  }

  Future<Hospital> update(String id, long expectedVersion, Bson changes) {
    return store.write(() -> fromDocument(
        StoredRecords.updateVersioned(collection(), id, expectedVersion, changes, ErrorCode.HOSPITAL_NOT_FOUND)));
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  private static Document toDocument(Hospital h) {
    return new Document("_id", h.id())
        .append("code", h.code())
        .append("name", h.name())
        .append("level", h.level().wire())
        .append("province", h.province())
        .append("active", h.active())
        .append("version", h.version())
        .append("createdAt", date(h.createdAt()))
        .append("updatedAt", date(h.updatedAt()));
  }

  private static Hospital fromDocument(Document d) {
    return new Hospital(d.getString("_id"), d.getString("code"), d.getString("name"),
        HospitalLevel.fromWire(d.getString("level")).orElseThrow(), d.getString("province"), d.getBoolean("active", false),
        StoredRecords.version(d), instant(d, "createdAt"), instant(d, "updatedAt"));
  }
}
