package org.consilium.consultations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Private calendar feed tokens, one per user. Only the token's SHA-256 is stored; the token itself is shown once,
 * when made. Making a new one revokes the old (a leaked URL is fixed by one click), and revoking removes it.
 */
final class CalendarFeeds {

  static final String COLLECTION = "calendar_feeds";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;

  CalendarFeeds(Store store) {
    this.store = store;
  }

  Future<Void> start() {
    return store.ensureIndexes(COLLECTION, List.of(new IndexModel(Indexes.ascending("tokenHash"))));
  }

  /** A new token for the user, replacing any earlier one. */
  Future<String> issue(String userId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Document d = new Document("_id", userId).append("tokenHash", hash(token)).append("createdAt", new Date());
    return store.write(() -> store.collection(COLLECTION).replaceOne(Filters.eq("_id", userId), d, new ReplaceOptions().upsert(true)))
        .map(token);
  }

  Future<Boolean> revoke(String userId) {
    return store.write(() -> store.collection(COLLECTION).deleteOne(Filters.eq("_id", userId)).getDeletedCount() == 1);
  }

  /** When the user's current feed was made, if they have one. */
  Future<Optional<Date>> status(String userId) {
    return store.read(() -> Optional.ofNullable(store.collection(COLLECTION).find(Filters.eq("_id", userId)).first())
        .map(d -> d.getDate("createdAt")));
  }

  /** The user a token belongs to. */
  Future<Optional<String>> owner(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) return Future.succeededFuture(Optional.empty());
    return store.read(() -> Optional.ofNullable(store.collection(COLLECTION).find(Filters.eq("tokenHash", hash(token))).first())
        .map(d -> d.getString("_id")));
  }

  private static String hash(String token) {
    return AttachmentFiles.sha256(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
