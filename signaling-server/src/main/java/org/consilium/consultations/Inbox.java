package org.consilium.consultations;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * Each user's notifications: stored (the inbox) and pushed live on the event bus address
 * {@code consilium.notifications.user.<userId>}, which the notification WebSocket relays. A notification names
 * what happened and which request or session; never patient data (it may show on a locked phone).
 */
final class Inbox {

  static final String COLLECTION = "notifications";
  static final String USER_ADDRESS = "consilium.notifications.user.";
  private static final int PAGE = 100;

  private final Store store;
  private final EventBus bus;

  Inbox(Store store, EventBus bus) {
    this.store = store;
    this.bus = bus;
  }

  Future<Void> start() {
    return store.ensureIndexes(COLLECTION, List.of(new IndexModel(Indexes.ascending("userId", "at"))));
  }

  /** Stores one notification per user, then pushes it; a failed store is not retried (the event still went out). */
  Future<Void> deliver(Collection<String> userIds, String kind, String requestId, String sessionId) {
    if (userIds.isEmpty()) return Future.succeededFuture();
    Instant at = RequestService.now();
    List<Document> docs = new ArrayList<>();
    for (String u : userIds) {
      docs.add(new Document("_id", UUID.randomUUID().toString()).append("userId", u).append("kind", kind)
          .append("requestId", requestId).append("sessionId", sessionId).append("at", Date.from(at)).append("read", false));
    }
    return store.write(() -> {
      store.collection(COLLECTION).insertMany(docs);
      return null;
    }).onComplete(ar -> docs.forEach(d -> bus.publish(USER_ADDRESS + d.getString("userId"), toJson(d)))).mapEmpty();
  }

  Future<List<JsonObject>> list(String userId, boolean unreadOnly) {
    return store.read(() -> {
      List<JsonObject> out = new ArrayList<>();
      store.collection(COLLECTION).find(unreadOnly ? Filters.and(Filters.eq("userId", userId), Filters.eq("read", false))
          : Filters.eq("userId", userId)).sort(Sorts.descending("at")).limit(PAGE).forEach(d -> out.add(toJson(d)));
      return out;
    });
  }

  /** Marks one of the user's notifications read; false when it is not theirs or absent. */
  Future<Boolean> markRead(String userId, String id) {
    return store.write(() -> store.collection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("userId", userId)),
        Updates.set("read", true)).getMatchedCount() == 1);
  }

  private static JsonObject toJson(Document d) {
    return new JsonObject().put("id", d.getString("_id")).put("kind", d.getString("kind")).put("requestId", d.getString("requestId"))
        .put("sessionId", d.getString("sessionId")).put("at", d.getDate("at").toInstant().toString()).put("read", d.getBoolean("read"));
  }
}
