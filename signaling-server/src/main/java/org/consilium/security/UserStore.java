package org.consilium.security;

import static org.consilium.security.StoredRecords.date;
import static org.consilium.security.StoredRecords.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.access.Role;
import org.consilium.http.ApiException;
import org.consilium.http.ErrorCode;
import org.consilium.store.Store;

/**
 * The {@code users} collection. Usernames are unique case-insensitively through a lowercase key with a unique
 * index. The lockout fields change with atomic operators and never bump {@code version}: a failed login by
 * someone else must not make an administrator's pending edit fail.
 */
final class UserStore {

  static final String COLLECTION = "users";

  private final Store store;

  UserStore(Store store) {
    this.store = store;
  }

  static String usernameKey(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  Future<Void> ensureIndexes() {
    return store.ensureIndexes(COLLECTION, List.of(
        new IndexModel(Indexes.ascending("usernameKey"), new IndexOptions().unique(true).name("username_unique")),
        new IndexModel(Indexes.ascending("hospitalId", "role"), new IndexOptions().name("hospital_role"))));
  }

  Future<User> insert(User u) {
    return store.write(() -> {
      StoredRecords.insertUnique(collection(), toDocument(u),
          () -> new ApiException(ErrorCode.USERNAME_TAKEN, "The username " + u.username() + " is already taken"));
      return u;
    });
  }

  Future<Optional<User>> find(String id) {
    return store.read(() -> first(Filters.eq("_id", id)));
  }

  Future<Optional<User>> findByUsername(String username) {
    return store.read(() -> first(Filters.eq("usernameKey", usernameKey(username))));
  }

  /** Users matching all given criteria (null = any), sorted by username. */
  Future<List<User>> list(String hospitalId, Role role) {
    return store.read(() -> {
      List<Bson> criteria = new ArrayList<>();
      if (hospitalId != null) criteria.add(Filters.eq("hospitalId", hospitalId));
      if (role != null) criteria.add(Filters.eq("role", role.wire()));
      Bson filter = criteria.isEmpty() ? new Document() : Filters.and(criteria);
      List<User> out = new ArrayList<>();
      collection().find(filter).sort(Sorts.ascending("usernameKey")).forEach(d -> out.add(fromDocument(d)));
      return out;
    });
  }

  /** Active administrators other than {@code exceptId} (null: all). */
  Future<Long> countActiveAdministrators(String exceptId) {
    return store.read(() -> collection().countDocuments(Filters.and(Filters.eq("role", Role.ADMINISTRATOR.wire()),
        Filters.eq("active", true), Filters.ne("_id", exceptId == null ? "" : exceptId))));
  }

  Future<User> update(String id, long expectedVersion, Bson changes) {
    return store.write(() -> fromDocument(
        StoredRecords.updateVersioned(collection(), id, expectedVersion, changes, ErrorCode.USER_NOT_FOUND)));
  }

  /** Counts one more failed login atomically and returns the count after it. */
  Future<Integer> recordFailure(String id) {
    return store.write(() -> {
      Document after = StoredRecords.updateAndGet(collection(), Filters.eq("_id", id), Updates.inc("failedLogins", 1));
      return after == null ? 0 : after.getInteger("failedLogins", 0);
    });
  }

  /** Locks the account and starts a fresh count for after the lock. */
  Future<Void> lock(String id, Instant until) {
    return store.write(() -> {
      collection().updateOne(Filters.eq("_id", id),
          Updates.combine(Updates.set("lockedUntil", date(until)), Updates.set("failedLogins", 0)));
      return null;
    });
  }

  /** Clears the failure count and any lock; returns the user after it, or empty when there is none. */
  Future<Optional<User>> clearFailures(String id) {
    return store.write(() -> Optional.ofNullable(StoredRecords.updateAndGet(collection(), Filters.eq("_id", id),
        Updates.combine(Updates.set("failedLogins", 0), Updates.set("lockedUntil", null)))).map(UserStore::fromDocument));
  }

  Future<Void> setPasswordHash(String id, String hash) {
    return store.write(() -> {
      long matched = collection().updateOne(Filters.eq("_id", id),
          Updates.combine(Updates.set("passwordHash", hash), Updates.set("passwordChangedAt", new Date()))).getMatchedCount();
      if (matched == 0) throw new ApiException(ErrorCode.USER_NOT_FOUND, "No user with id " + id);
      return null;
    });
  }

  private Optional<User> first(Bson filter) {
    return Optional.ofNullable(collection().find(filter).first()).map(UserStore::fromDocument);
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  private static Document toDocument(User u) {
    return new Document("_id", u.id())
        .append("username", u.username())
        .append("usernameKey", usernameKey(u.username()))
        .append("displayName", u.displayName())
        .append("role", u.role().wire())
        .append("hospitalId", u.hospitalId())
        .append("email", u.email())
        .append("specialty", u.specialty())
        .append("active", u.active())
        .append("passwordHash", u.passwordHash())
        .append("failedLogins", u.failedLogins())
        .append("lockedUntil", date(u.lockedUntil()))
        .append("version", u.version())
        .append("createdAt", date(u.createdAt()))
        .append("updatedAt", date(u.updatedAt()));
  }

  private static User fromDocument(Document d) {
    return new User(d.getString("_id"), d.getString("username"), d.getString("displayName"),
        Role.fromWire(d.getString("role")).orElseThrow(() -> new IllegalStateException("Unknown role in user " + d.get("_id"))),
        d.getString("hospitalId"), d.getString("email"), d.getString("specialty"), d.getBoolean("active", false),
        d.getString("passwordHash"), d.getInteger("failedLogins", 0), instant(d, "lockedUntil"),
        StoredRecords.version(d), instant(d, "createdAt"), instant(d, "updatedAt"));
  }
}
