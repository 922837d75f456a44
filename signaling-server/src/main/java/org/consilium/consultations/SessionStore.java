package org.consilium.consultations;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Store;

/** The {@code consultation_sessions} collection; changes are replaces conditioned on the version. Methods block. */
final class SessionStore {

  static final String COLLECTION = "consultation_sessions";

  private final Store store;

  SessionStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("consultants", "start")),
        new IndexModel(Indexes.ascending("participants", "start")), new IndexModel(Indexes.ascending("patientIds", "participants")), new IndexModel(Indexes.ascending("hostHospitalId", "start")));
  }

  Session find(String id) {
    Document d = collection().find(Filters.and(Filters.eq("_id", id), Filters.eq("committed", true))).first();
    return d == null ? null : fromDocument(d);
  }

  void insert(Session s) {
    collection().insertOne(toDocument(s));
  }

  boolean replace(Session next) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", next.id()), Filters.eq("version", next.version() - 1)),
        toDocument(next)).getMatchedCount() == 1;
  }

  boolean restore(Session written, Session previous) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", written.id()), Filters.eq("version", written.version())),
        toDocument(previous)).getMatchedCount() == 1;
  }

  void delete(String id) {
    collection().deleteOne(Filters.eq("_id", id));
  }

  /**
   * Active sessions (committed or not: a rival being scheduled right now counts) that occupy any of
   * {@code userIds} and overlap [start, end), except {@code exceptId}.
   */
  List<Session> overlapping(List<String> userIds, Instant start, Instant end, String exceptId) {
    Bson filter = Filters.and(Filters.in("consultants", userIds), Filters.lt("start", Date.from(end)),
        Filters.gt("end", Date.from(start)), Filters.in("status", SessionStatus.SCHEDULED.wire(), SessionStatus.OPEN.wire()),
        Filters.ne("_id", exceptId == null ? "" : exceptId));
    return list(filter);
  }

  /** Committed sessions matching {@code filter} that overlap [from, to), by start. */
  List<Session> between(Bson filter, Instant from, Instant to) {
    return list(Filters.and(filter, Filters.eq("committed", true), Filters.lt("start", Date.from(to)), Filters.gt("end", Date.from(from))));
  }

  /** True when the user is in a committed, not cancelled session about the patient (moderator, specialist or requester). */
  boolean takesPart(String userId, String patientId) {
    return collection().countDocuments(Filters.and(Filters.eq("committed", true), Filters.eq("patientIds", patientId),
        Filters.eq("participants", userId), Filters.ne("status", SessionStatus.CANCELLED.wire()))) > 0;
  }

  /** Sessions whose scheduling never finished, older than {@code before}. */
  List<Session> uncommitted(Instant before) {
    return list(Filters.and(Filters.eq("committed", false), Filters.lt("createdAt", Date.from(before))));
  }

  private List<Session> list(Bson filter) {
    List<Session> out = new ArrayList<>();
    collection().find(filter).sort(Sorts.ascending("start", "createdAt", "_id")).forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  private static Document toDocument(Session s) {
    return new Document("_id", s.id()).append("hostHospitalId", s.hostHospitalId()).append("requestIds", s.requestIds())
        .append("patientIds", s.patientIds()).append("requesterIds", s.requesterIds()).append("moderatorId", s.moderatorId())
        .append("specialistIds", s.specialistIds()).append("consultants", s.consultants()).append("participants", s.participants())
        .append("start", Date.from(s.start())).append("end", Date.from(s.end())).append("place", s.place())
        .append("emergency", s.emergency()).append("status", s.status().wire()).append("note", s.note())
        .append("committed", s.committed()).append("version", s.version()).append("createdBy", s.createdBy())
        .append("createdAt", Date.from(s.createdAt())).append("updatedAt", Date.from(s.updatedAt()))
        .append("openedAt", s.openedAt() == null ? null : Date.from(s.openedAt()));
  }

  private static Session fromDocument(Document d) {
    Date opened = d.getDate("openedAt");
    return new Session(d.getString("_id"), d.getString("hostHospitalId"), d.getList("requestIds", String.class),
        d.getList("patientIds", String.class), d.getList("requesterIds", String.class), d.getString("moderatorId"),
        d.getList("specialistIds", String.class), d.getDate("start").toInstant(), d.getDate("end").toInstant(),
        d.getString("place"), d.getBoolean("emergency", false), SessionStatus.fromWire(d.getString("status")),
        d.getString("note"), d.getBoolean("committed", false), ((Number) d.get("version")).longValue(),
        d.getString("createdBy"), d.getDate("createdAt").toInstant(), d.getDate("updatedAt").toInstant(),
        opened == null ? null : opened.toInstant());
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
