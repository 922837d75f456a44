package org.consilium.patients;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.store.Page;
import org.consilium.store.Store;

/**
 * The {@code patients} collection. Besides the record it stores search keys: the name's words without
 * diacritics (the embedded server has no text index) and the social insurance number. Uniqueness of the
 * citizen ID, and of the medical record number within a hospital, is kept by unique sparse indexes.
 * Methods block; callers run them inside {@link Store#read}/{@link Store#write}.
 */
final class PatientStore {

  static final String COLLECTION = "patients";
  private static final String CITIZEN_INDEX = "citizenId_unique";
  private static final String RECORD_NUMBER_INDEX = "recordKey_unique";

  /** A write refused because another patient holds the same unique value; names the field, never the value. */
  static final class DuplicateValue extends RuntimeException {
    private final String field;

    DuplicateValue(String field) {
      super("duplicate " + field, null, false, false);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  private final Store store;

  PatientStore(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(
        new IndexModel(Indexes.ascending("citizenId"), new IndexOptions().name(CITIZEN_INDEX).unique(true).sparse(true)),
        new IndexModel(Indexes.ascending("recordKey"), new IndexOptions().name(RECORD_NUMBER_INDEX).unique(true).sparse(true)),
        new IndexModel(Indexes.ascending("insuranceKey")),
        new IndexModel(Indexes.ascending("nameWords")),
        new IndexModel(Indexes.ascending("hospitalId", "nameKey")));
  }

  Patient find(String id) {
    Document d = collection().find(Filters.eq("_id", id)).first();
    return d == null ? null : fromDocument(d);
  }

  Patient findByCitizenId(String citizenId) {
    Document d = collection().find(Filters.eq("citizenId", citizenId)).first();
    return d == null ? null : fromDocument(d);
  }

  Patient findByRecordNumber(String hospitalId, String recordNumber) {
    Document d = collection().find(Filters.eq("recordKey", recordKey(hospitalId, recordNumber))).first();
    return d == null ? null : fromDocument(d);
  }

  void insert(Patient p) {
    try {
      collection().insertOne(toDocument(p));
    } catch (MongoWriteException e) {
      throw duplicateOr(e);
    }
  }

  /** Replaces the record if it is still at {@code p.version() - 1}; false when someone changed it meanwhile. */
  boolean replace(Patient p) {
    try {
      return collection().replaceOne(Filters.and(Filters.eq("_id", p.id()), Filters.eq("version", p.version() - 1)),
          toDocument(p)).getMatchedCount() == 1;
    } catch (MongoWriteException e) {
      throw duplicateOr(e);
    }
  }

  /** Puts back {@code previous} if the record is still the one written as {@code written}. */
  boolean restore(Patient written, Patient previous) {
    return collection().replaceOne(Filters.and(Filters.eq("_id", written.id()), Filters.eq("version", written.version())),
        toDocument(previous)).getMatchedCount() == 1;
  }

  void delete(String id) {
    collection().deleteOne(Filters.eq("_id", id));
  }

  /** Matches among the patients of {@code hospitalId} and {@code grantedIds}, sorted by name. */
  Page<Patient> search(PatientSearch q, String hospitalId, Set<String> grantedIds, Page.Request page) {
    List<Bson> and = new ArrayList<>();
    and.add(grantedIds.isEmpty() ? Filters.eq("hospitalId", hospitalId)
        : Filters.or(Filters.eq("hospitalId", hospitalId), Filters.in("_id", grantedIds)));
    if (q.citizenId() != null) and.add(Filters.eq("citizenId", q.citizenId()));
    if (q.insuranceNumber() != null) and.add(Filters.eq("insuranceKey", InsuranceNumber.personKey(q.insuranceNumber())));
    if (q.birthDate() != null) and.add(Filters.eq("birthDate", q.birthDate().toString()));
    // Word prefixes are letters and digits only (PersonName.searchWords), so they need no regex escaping.
    q.nameWords().forEach(w -> and.add(Filters.regex("nameWords", "^" + w)));
    Bson filter = Filters.and(and);
    List<Patient> items = new ArrayList<>();
    collection().find(filter).sort(Sorts.ascending("nameKey", "_id")).skip(page.offset()).limit(page.limit())
        .forEach(d -> items.add(fromDocument(d)));
    return page.of(items, collection().countDocuments(filter));
  }

  private static RuntimeException duplicateOr(MongoWriteException e) {
    if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) return e;
    // The server's message repeats the duplicate value (a citizen ID): it must go no further than here.
    String message = e.getError().getMessage();
    if (message.contains(CITIZEN_INDEX)) return new DuplicateValue("citizenId");
    if (message.contains(RECORD_NUMBER_INDEX)) return new DuplicateValue("medicalRecordNumber");
    return new DuplicateValue("id");
  }

  private static String recordKey(String hospitalId, String recordNumber) {
    return hospitalId + "/" + recordNumber;
  }

  static Document toDocument(Patient p) {
    PatientDetails d = p.details();
    List<String> words = PersonName.searchWords(d.fullName());
    Document doc = new Document("_id", p.id())
        .append("fullName", d.fullName())
        .append("sex", d.sex().wire())
        .append("hospitalId", p.hospitalId())
        .append("nameWords", words)
        .append("nameKey", String.join(" ", words))
        .append("version", p.version())
        .append("createdAt", Date.from(p.createdAt()))
        .append("updatedAt", Date.from(p.updatedAt()))
        .append("createdBy", p.createdBy())
        .append("updatedBy", p.updatedBy());
    if (d.birthDate() != null) doc.append("birthDate", d.birthDate().toString());
    if (d.citizenId() != null) doc.append("citizenId", d.citizenId());
    if (d.insuranceNumber() != null) {
      doc.append("insuranceNumber", d.insuranceNumber()).append("insuranceKey", InsuranceNumber.personKey(d.insuranceNumber()));
    }
    if (d.phone() != null) doc.append("phone", d.phone());
    if (d.address() != null) doc.append("address", d.address());
    if (d.medicalRecordNumber() != null) {
      doc.append("medicalRecordNumber", d.medicalRecordNumber())
          .append("recordKey", recordKey(p.hospitalId(), d.medicalRecordNumber()));
    }
    return doc;
  }

  static Patient fromDocument(Document doc) {
    String birth = doc.getString("birthDate");
    PatientDetails d = new PatientDetails(doc.getString("fullName"), birth == null ? null : LocalDate.parse(birth),
        Sex.fromWire(doc.getString("sex")).orElse(Sex.UNKNOWN), doc.getString("citizenId"),
        doc.getString("insuranceNumber"), doc.getString("phone"), doc.getString("address"),
        doc.getString("medicalRecordNumber"));
    return new Patient(doc.getString("_id"), d, doc.getString("hospitalId"), ((Number) doc.get("version")).longValue(),
        doc.getDate("createdAt").toInstant(), doc.getDate("updatedAt").toInstant(), doc.getString("createdBy"),
        doc.getString("updatedBy"));
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
