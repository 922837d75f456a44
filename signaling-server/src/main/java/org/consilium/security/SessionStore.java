package org.consilium.security;

import static org.consilium.security.StoredRecords.date;
import static org.consilium.security.StoredRecords.instant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Store;

/**
 * The {@code sessions} collection. Refresh tokens are kept only as SHA-256 hashes: the current one in
 * {@code refreshHash}, the ones already rotated away in {@code rotated} (to recognise a replayed, stolen token).
 */
final class SessionStore {

  static final String COLLECTION = "sessions";

  private final Store store;

  SessionStore(Store store) {
    this.store = store;
  }

  Future<Void> ensureIndexes() {
    return store.ensureIndexes(COLLECTION, List.of(
        new IndexModel(Indexes.ascending("refreshHash"), new IndexOptions().unique(true).name("refresh_unique")),
        new IndexModel(Indexes.ascending("rotated"), new IndexOptions().name("rotated")),
        new IndexModel(Indexes.ascending("userId"), new IndexOptions().name("user"))));
  }

  Future<Session> insert(Session s, String refreshHash) {
    return store.write(() -> {
      collection().insertOne(new Document("_id", s.id())
          .append("userId", s.userId())
          .append("method", s.method())
          .append("refreshHash", refreshHash)
          .append("rotated", List.of())
          .append("createdAt", date(s.createdAt()))
          .append("refreshExpiresAt", date(s.refreshExpiresAt()))
          .append("revokedAt", null));
      return s;
    });
  }

  Future<Optional<Session>> find(String id) {
    return store.read(() -> first(Filters.eq("_id", id)));
  }

  /**
   * Swaps the current refresh token for a new one in one atomic step, so two concurrent refreshes with the
   * same token cannot both succeed. Empty when the token is not the current one of a live session.
   */
  Future<Optional<Session>> rotate(String oldHash, String newHash, Instant newExpiry, Instant now) {
    return store.write(() -> Optional.ofNullable(StoredRecords.updateAndGet(collection(),
        Filters.and(Filters.eq("refreshHash", oldHash), Filters.eq("revokedAt", null), Filters.gt("refreshExpiresAt", date(now))),
        Updates.combine(Updates.set("refreshHash", newHash), Updates.set("refreshExpiresAt", date(newExpiry)),
            Updates.set("refreshedAt", date(now)), Updates.push("rotated", oldHash))))
        .map(SessionStore::fromDocument));
  }

  /** The session a refresh token was once issued for and has since been rotated away from. */
  Future<Optional<Session>> findByRotated(String hash) {
    return store.read(() -> first(Filters.eq("rotated", hash)));
  }

  /** Revokes one session; true when it was still live. */
  Future<Boolean> revoke(String id, String reason) {
    return store.write(() -> collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("revokedAt", null)),
        revocation(reason)).getModifiedCount() > 0);
  }

  /** Revokes every live session of a user except one (null: all); returns how many. */
  Future<Long> revokeAllOf(String userId, String exceptSessionId, String reason) {
    return store.write(() -> collection().updateMany(Filters.and(Filters.eq("userId", userId), Filters.eq("revokedAt", null),
        Filters.ne("_id", exceptSessionId == null ? "" : exceptSessionId)), revocation(reason)).getModifiedCount());
  }

  private static Bson revocation(String reason) {
    return Updates.combine(Updates.set("revokedAt", date(Instant.now())), Updates.set("revokeReason", reason));
  }

  private Optional<Session> first(Bson filter) {
    return Optional.ofNullable(collection().find(filter).first()).map(SessionStore::fromDocument);
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  private static Session fromDocument(Document d) {
    return new Session(d.getString("_id"), d.getString("userId"), d.getString("method"), instant(d, "createdAt"),
        instant(d, "refreshExpiresAt"), instant(d, "revokedAt"));
  }
}
