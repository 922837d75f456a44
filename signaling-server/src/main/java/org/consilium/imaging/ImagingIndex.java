package org.consilium.imaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.consilium.dicom.DicomInstance;
import org.consilium.store.Store;

/**
 * The {@code imaging_instances} collection: one document per SOP Instance UID ({@code _id}, so the store itself
 * keeps it unique), with the study and series attributes copied in. Studies and series are derived from their
 * instances when asked, so that no second write can leave them out of step (no transactions needed). Methods
 * block; call them inside {@link Store#read}/{@link Store#write}.
 */
final class ImagingIndex {

  static final String COLLECTION = "imaging_instances";

  /** The SOP Instance UID is already indexed. */
  static final class AlreadyIndexed extends RuntimeException {
    AlreadyIndexed() {
      super("SOP Instance UID already indexed", null, false, false);
    }
  }

  private final Store store;

  ImagingIndex(Store store) {
    this.store = store;
  }

  static List<IndexModel> indexes() {
    return List.of(new IndexModel(Indexes.ascending("patientId", "studyUid")), new IndexModel(Indexes.ascending("studyUid")));
  }

  StoredInstance find(String sopInstanceUid) {
    Document d = collection().find(Filters.eq("_id", sopInstanceUid)).first();
    return d == null ? null : fromDocument(d);
  }

  /** The Consilium patient whose instances make up this study, or null for a new study. */
  String studyOwner(String studyUid) {
    Document d = collection().find(Filters.eq("studyUid", studyUid)).projection(new Document("patientId", 1)).first();
    return d == null ? null : d.getString("patientId");
  }

  void insert(StoredInstance s) {
    try {
      collection().insertOne(toDocument(s));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) throw new AlreadyIndexed();
      throw e;
    }
  }

  boolean delete(String sopInstanceUid) {
    return collection().deleteOne(Filters.eq("_id", sopInstanceUid)).getDeletedCount() == 1;
  }

  /** The patient's instances, optionally of one study and series, in study, series, instance order. */
  List<StoredInstance> instances(String patientId, String studyUid, String seriesUid) {
    List<Bson> filters = new ArrayList<>(List.of(Filters.eq("patientId", patientId)));
    if (studyUid != null) filters.add(Filters.eq("studyUid", studyUid));
    if (seriesUid != null) filters.add(Filters.eq("seriesUid", seriesUid));
    List<StoredInstance> out = new ArrayList<>();
    for (Document d : collection().find(Filters.and(filters)).sort(Sorts.ascending("studyUid", "seriesNumber", "seriesUid", "instanceNumber", "_id"))) {
      out.add(fromDocument(d));
    }
    return out;
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }

  private static Document toDocument(StoredInstance s) {
    DicomInstance i = s.dicom();
    return new Document("_id", i.sopInstanceUid())
        .append("patientId", s.patientId()).append("studyUid", i.studyInstanceUid()).append("seriesUid", i.seriesInstanceUid())
        .append("sopClassUid", i.sopClassUid()).append("transferSyntaxUid", i.transferSyntaxUid())
        .append("dicomPatientId", i.patientId()).append("patientName", i.patientName())
        .append("patientBirthDate", i.patientBirthDate()).append("patientSex", i.patientSex())
        .append("studyDate", i.studyDate()).append("studyTime", i.studyTime()).append("studyDescription", i.studyDescription())
        .append("studyId", i.studyId()).append("accessionNumber", i.accessionNumber())
        .append("referringPhysicianName", i.referringPhysicianName()).append("modality", i.modality())
        .append("seriesDescription", i.seriesDescription()).append("seriesNumber", i.seriesNumber())
        .append("seriesDate", i.seriesDate()).append("instanceNumber", i.instanceNumber())
        .append("rows", i.rows()).append("columns", i.columns()).append("frames", i.frames())
        .append("bitsAllocated", i.bitsAllocated()).append("photometricInterpretation", i.photometricInterpretation())
        .append("specificCharacterSet", i.specificCharacterSet())
        .append("objectId", s.objectId()).append("sha256", s.sha256()).append("size", s.size())
        .append("storedAt", Date.from(s.storedAt())).append("storedBy", s.storedBy());
  }

  private static StoredInstance fromDocument(Document d) {
    DicomInstance i = new DicomInstance(d.getString("sopClassUid"), d.getString("_id"), d.getString("studyUid"),
        d.getString("seriesUid"), d.getString("transferSyntaxUid"), d.getString("dicomPatientId"), d.getString("patientName"),
        d.getString("patientBirthDate"), d.getString("patientSex"), d.getString("studyDate"), d.getString("studyTime"),
        d.getString("studyDescription"), d.getString("studyId"), d.getString("accessionNumber"),
        d.getString("referringPhysicianName"), d.getString("modality"), d.getString("seriesDescription"),
        d.getInteger("seriesNumber", 0), d.getString("seriesDate"), d.getInteger("instanceNumber", 0),
        d.getInteger("rows", 0), d.getInteger("columns", 0), d.getInteger("frames", 0), d.getInteger("bitsAllocated", 0),
        d.getString("photometricInterpretation"), d.getString("specificCharacterSet"));
    return new StoredInstance(i, d.getString("patientId"), d.getString("objectId"), d.getString("sha256"),
        d.get("size", Number.class).longValue(), d.getDate("storedAt").toInstant(), d.getString("storedBy"));
  }
}
