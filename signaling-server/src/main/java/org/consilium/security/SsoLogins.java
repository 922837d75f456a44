package org.consilium.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Sign-ins started at the issuer and not yet back: state (stored as a hash), nonce and PKCE verifier. Kept in the
 * database rather than in memory so that the callback may reach another node than the one that started it.
 * Each is taken exactly once (find-and-delete), and expires after ten minutes.
 */
final class SsoLogins {

  static final String COLLECTION = "sso_logins";
  static final Duration LIFETIME = Duration.ofMinutes(10);

  record Pending(String nonce, String codeVerifier) {
  }

  private final Store store;

  SsoLogins(Store store) {
    this.store = store;
  }

  Future<Void> put(String state, Pending pending) {
    Instant now = Instant.now();
    return store.write(() -> {
      // The embedded server ignores TTL indexes: drop expired attempts here instead.
      collection().deleteMany(Filters.lt("expiresAt", Date.from(now)));
      collection().insertOne(new Document("_id", OpaqueTokens.sha256(state))
          .append("nonce", pending.nonce())
          .append("codeVerifier", pending.codeVerifier())
          .append("expiresAt", Date.from(now.plus(LIFETIME))));
      return null;
    });
  }

  /** Takes the attempt for this state; empty when unknown, already used, or expired. */
  Future<Optional<Pending>> take(String state) {
    return store.write(() -> Optional.ofNullable(collection().findOneAndDelete(Filters.and(
            Filters.eq("_id", OpaqueTokens.sha256(state)), Filters.gt("expiresAt", new Date()))))
        .map(d -> new Pending(d.getString("nonce"), d.getString("codeVerifier"))));
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
