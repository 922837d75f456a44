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

/**
 * The {@code consultation_requests} collection. Every change is a replace conditioned on the version it was
 * made from, so two people acting at once cannot both win (no transactions needed). Methods block.
 */
final class RequestStore {

  static final String COLLECTION = "consultation_requests";

  private final Store store;

  RequestStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("requesterHospitalId", "updatedAt")),
        new IndexModel(Indexes.ascending("answeringHospitalId", "status")),
        new IndexModel(Indexes.ascending("requesterId")), new IndexModel(Indexes.ascending("participants")),
        new IndexModel(Indexes.ascending("patientId", "updatedAt")));
  }

  ConsultationRequest find(String id) {
    Document d = collection().find(Filters.eq("_id", id)).first();
    return d == null ? null : fromDocument(d);
  }

  List<ConsultationRequest> findAll(List<String> ids) {
    List<ConsultationRequest> out = new ArrayList<>();
    collection().find(Filters.in("_id", ids)).forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  void insert(ConsultationRequest r) {
    collection().insertOne(toDocument(r));
  }

  /** Writes {@code next} if the stored request is still at {@code expected}. */
  boolean replace(ConsultationRequest next, long expected) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", next.id()), Filters.eq("version", expected)),
        toDocument(next)).getMatchedCount() == 1;
  }

  /** Puts back {@code previous} if the stored request is still {@code written} (undo after a failed step). */
  boolean restore(ConsultationRequest written, ConsultationRequest previous) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", written.id()), Filters.eq("version", written.version())),
        toDocument(previous)).getMatchedCount() == 1;
  }

  void delete(String id) {
    collection().deleteOne(Filters.eq("_id", id));
  }

  /** Newest first, at most {@code limit}. */
  List<ConsultationRequest> list(Bson filter, int limit) {
    List<ConsultationRequest> out = new ArrayList<>();
    collection().find(filter).sort(Sorts.descending("updatedAt")).limit(limit).forEach(d -> out.add(fromDocument(d)));
    return out;
  }

  private static Document toDocument(ConsultationRequest r) {
    RequestDetails d = r.details();
    List<Document> attachments = r.attachments().stream().map(a -> new Document("id", a.id()).append("kind", a.kind())
        .append("fileName", a.fileName()).append("contentType", a.contentType()).append("size", a.size())
        .append("sha256", a.sha256()).append("reference", a.reference()).append("addedBy", a.addedBy())
        .append("addedAt", Date.from(a.addedAt()))).toList();
    List<Document> history = r.history().stream().map(t -> new Document("from", t.from() == null ? null : t.from().wire())
        .append("to", t.to().wire()).append("by", t.by()).append("at", Date.from(t.at())).append("note", t.note())).toList();
    return new Document("_id", r.id()).append("patientId", r.patientId()).append("patientHospitalId", r.patientHospitalId())
        .append("requesterId", r.requesterId()).append("requesterHospitalId", r.requesterHospitalId())
        .append("targetHospitalId", r.targetHospitalId()).append("answeringHospitalId", r.answeringHospital())
        .append("anyCentral", r.answeringHospital() == null)
        .append("reason", d.reason()).append("clinicalSummary", d.clinicalSummary()).append("question", d.question())
        .append("urgency", d.urgency().wire()).append("specialty", d.specialty()).append("status", r.status().wire())
        .append("attachments", attachments).append("history", history).append("sessionId", r.sessionId()).append("participants", r.participants())
        .append("acceptedBy", r.acceptedBy()).append("version", r.version())
        .append("createdAt", Date.from(r.createdAt())).append("updatedAt", Date.from(r.updatedAt()));
  }

  private static ConsultationRequest fromDocument(Document doc) {
    RequestDetails d = new RequestDetails(doc.getString("reason"), doc.getString("clinicalSummary"), doc.getString("question"),
        Urgency.fromWire(doc.getString("urgency")).orElseThrow(), doc.getString("specialty"));
    List<Attachment> attachments = doc.getList("attachments", Document.class, List.of()).stream().map(a -> new Attachment(
        a.getString("id"), a.getString("kind"), a.getString("fileName"), a.getString("contentType"),
        ((Number) a.get("size")).longValue(), a.getString("sha256"), a.getString("reference"), a.getString("addedBy"),
        a.getDate("addedAt").toInstant())).toList();
    List<Transition> history = doc.getList("history", Document.class, List.of()).stream().map(t -> new Transition(
        t.getString("from") == null ? null : RequestStatus.fromWire(t.getString("from")).orElseThrow(),
        RequestStatus.fromWire(t.getString("to")).orElseThrow(), t.getString("by"), t.getDate("at").toInstant(),
        t.getString("note"))).toList();
    // The answering hospital is stored derived; only an accepting specialist's hospital is its own field.
    String answering = doc.getString("acceptedBy") == null ? null : doc.getString("answeringHospitalId");
    return new ConsultationRequest(doc.getString("_id"), doc.getString("patientId"), doc.getString("patientHospitalId"),
        doc.getString("requesterId"), doc.getString("requesterHospitalId"), doc.getString("targetHospitalId"), answering,
        d, RequestStatus.fromWire(doc.getString("status")).orElseThrow(), attachments, history, doc.getString("sessionId"),
        doc.getList("participants", String.class, List.of()), doc.getString("acceptedBy"), ((Number) doc.get("version")).longValue(), instant(doc, "createdAt"),
        instant(doc, "updatedAt"));
  }

  private static Instant instant(Document d, String field) {
    return d.getDate(field).toInstant();
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
