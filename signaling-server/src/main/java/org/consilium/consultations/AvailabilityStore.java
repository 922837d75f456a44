package org.consilium.consultations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.consilium.store.Store;

/** The {@code specialist_availability} collection: one document per user, replaced by version. Methods block. */
final class AvailabilityStore {

  static final String COLLECTION = "specialist_availability";

  private final Store store;

  AvailabilityStore(Store store) {
    this.store = store;
  }

  Availability find(String userId, String hospitalId) {
    Document d = collection().find(Filters.eq("_id", userId)).first();
    return d == null ? Availability.none(userId, hospitalId) : fromDocument(d);
  }

  List<Availability> onCall(String hospitalId) {
    List<Availability> out = new ArrayList<>();
    collection().find(Filters.and(Filters.eq("hospitalId", hospitalId), Filters.eq("onCall", true))).forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  /** Writes {@code next} if the stored one is still at {@code next.version() - 1} (0: none stored yet). */
  boolean replace(Availability next) {
    Document doc = toDocument(next);
    if (next.version() == 1) {
      try {
        collection().insertOne(doc);
        return true;
      } catch (com.mongodb.MongoWriteException e) {
        return false;
      }
    }
    return collection().replaceOne(Filters.and(Filters.eq("_id", next.userId()), Filters.eq("version", next.version() - 1)),
        doc, new ReplaceOptions()).getMatchedCount() == 1;
  }

  private static Document toDocument(Availability a) {
    return new Document("_id", a.userId()).append("hospitalId", a.hospitalId())
        .append("weekly", a.weekly().stream().map(s -> new Document("day", s.day().getValue()).append("from", s.from()).append("to", s.to())).toList())
        .append("leave", a.leave().stream().map(l -> new Document("from", l.from().toString()).append("to", l.to().toString()).append("note", l.note())).toList())
        .append("onCall", a.onCall()).append("version", a.version()).append("updatedAt", Date.from(a.updatedAt()));
  }

  private static Availability fromDocument(Document d) {
    return new Availability(d.getString("_id"), d.getString("hospitalId"),
        d.getList("weekly", Document.class, List.of()).stream().map(s -> new Availability.Slot(DayOfWeek.of(s.getInteger("day")),
            s.getInteger("from"), s.getInteger("to"))).toList(),
        d.getList("leave", Document.class, List.of()).stream().map(l -> new Availability.Leave(LocalDate.parse(l.getString("from")),
            LocalDate.parse(l.getString("to")), l.getString("note"))).toList(),
        d.getBoolean("onCall", false), ((Number) d.get("version")).longValue(), d.getDate("updatedAt").toInstant());
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
