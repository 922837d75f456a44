package org.consilium.rooms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/**
 * A room's lasting part: its chat ({@code room_chat}, one document per message, written before anyone sees it)
 * and whether its session was ended ({@code rooms}). Presence, hands and media state live only in memory.
 */
final class RoomStore {

  static final String CHAT = "room_chat";
  static final String ROOMS = "rooms";

  private final Store store;

  /** What a room finds when it is loaded: its latest chat, the next sequence number, and whether it ended. */
  record Saved(List<ChatLine> recentChat, long lastSeq, boolean ended) {
  }

  RoomStore(Store store) {
    this.store = store;
  }

  Future<Void> ensureIndexes() {
    return store.ensureIndexes(CHAT, List.of(new IndexModel(Indexes.ascending("sessionId", "seq"),
        new IndexOptions().name("session_seq"))));
  }

  Future<Saved> load(String sessionId, int history) {
    return store.read(() -> {
      List<ChatLine> recent = new ArrayList<>();
      for (Document d : chat().find(Filters.eq("sessionId", sessionId)).sort(Sorts.descending("seq")).limit(Math.max(history, 1))) {
        recent.add(line(d));
      }
      long lastSeq = recent.isEmpty() ? 0 : recent.get(0).seq();
      if (history == 0) recent.clear();
      Collections.reverse(recent);
      Document room = rooms().find(Filters.eq("_id", sessionId)).first();
      return new Saved(recent, lastSeq, room != null && room.get("endedAt") != null);
    });
  }

  /** Every chat message of a session, oldest first: the transcript that goes with the consultation record. */
  Future<List<ChatLine>> transcript(String sessionId) {
    return store.read(() -> {
      List<ChatLine> lines = new ArrayList<>();
      for (Document d : chat().find(Filters.eq("sessionId", sessionId)).sort(Sorts.ascending("seq"))) lines.add(line(d));
      return lines;
    });
  }

  Future<ChatLine> saveChat(ChatLine line) {
    return store.write(() -> {
      chat().insertOne(new Document("_id", line.id()).append("sessionId", line.sessionId()).append("seq", line.seq())
          .append("userId", line.userId()).append("displayName", line.displayName()).append("text", line.text())
          .append("at", Date.from(line.at())));
      return line;
    });
  }

  Future<Void> markEnded(String sessionId, String byUserId, Instant at) {
    return store.write(() -> {
      rooms().updateOne(Filters.eq("_id", sessionId), Updates.combine(Updates.set("endedAt", Date.from(at)),
          Updates.set("endedBy", byUserId)), new UpdateOptions().upsert(true));
      return null;
    });
  }

  private static ChatLine line(Document d) {
    return new ChatLine(d.getString("_id"), d.getString("sessionId"), ((Number) d.get("seq")).longValue(), d.getString("userId"),
        d.getString("displayName"), d.getString("text"), d.getDate("at").toInstant());
  }

  private MongoCollection<Document> chat() {
    return store.collection(CHAT);
  }

  private MongoCollection<Document> rooms() {
    return store.collection(ROOMS);
  }
}
