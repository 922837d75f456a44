package org.consilium.emr;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.consilium.emr.signing.CmsSignatures;
import org.consilium.store.Store;

/**
 * The signed reports: metadata and signatures in the {@code emr_reports} collection ({@code _id} requestId-vN, so a
 * version is written once), the signed bytes (report JSON, minutes PDF) as files under {@code <data>/emr/reports/}.
 * Every read verifies both signatures against the bytes as they are now; a changed byte shows as invalid.
 */
final class SignedReports {

  static final String COLLECTION = "emr_reports";

  private final Store store;
  private final Path dir;
  private final WorkerExecutor workers;
  private final X509Certificate anchor;

  SignedReports(Store store, Path dir, WorkerExecutor workers, X509Certificate anchor) {
    this.store = store;
    this.dir = dir;
    this.workers = workers;
    this.anchor = anchor;
  }

  Future<Void> start() {
    return store.ensureIndexes(COLLECTION, List.of(new IndexModel(Indexes.ascending("patientId", "requestId", "version"))));
  }

  /** The patient's signed reports, every version, verified. */
  Future<List<SignedReport>> ofPatient(String patientId) {
    return store.read(() -> {
      List<Document> docs = new ArrayList<>();
      collection().find(Filters.eq("patientId", patientId)).sort(Sorts.ascending("requestId", "version")).into(docs);
      return docs;
    }).compose(this::verified);
  }

  /** The versions of one request's report, oldest first, verified. */
  Future<List<SignedReport>> ofRequest(String requestId) {
    return store.read(() -> {
      List<Document> docs = new ArrayList<>();
      collection().find(Filters.eq("requestId", requestId)).sort(Sorts.ascending("version")).into(docs);
      return docs;
    }).compose(this::verified);
  }

  Future<Optional<String>> patientOf(String reportId) {
    return store.read(() -> Optional.ofNullable(collection().find(Filters.eq("_id", reportId)).first()).map(d -> d.getString("patientId")));
  }

  /** The signed PDF bytes as stored now (verify before trusting them: {@link #ofRequest}). */
  Future<byte[]> pdf(SignedReport r) {
    return store.read(() -> {
      Document d = collection().find(Filters.eq("_id", r.id())).first();
      return d == null ? null : Files.readAllBytes(dir.resolve(d.getString("pdfFile")));
    });
  }

  /** Writes the files, then the document; false (files removed) if this version exists already. */
  Future<Boolean> insert(SignedReport r, byte[] pdf) {
    return store.write(() -> {
      String nonce = UUID.randomUUID().toString();
      Path json = write(r.id() + "-" + nonce + ".json", r.reportJson().getBytes(StandardCharsets.UTF_8));
      Path pdfFile = write(r.id() + "-" + nonce + ".pdf", pdf);
      try {
        collection().insertOne(toDocument(r, json.getFileName().toString(), pdfFile.getFileName().toString()));
        return true;
      } catch (MongoWriteException e) {
        Files.deleteIfExists(json);
        Files.deleteIfExists(pdfFile);
        if (ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY) return false;
        throw e;
      }
    });
  }

  /** Removes a version whose audit record failed (nothing stays unrecorded). */
  Future<Void> remove(SignedReport r) {
    return store.write(() -> {
      Document d = collection().findOneAndDelete(Filters.eq("_id", r.id()));
      if (d != null) {
        Files.deleteIfExists(dir.resolve(d.getString("reportFile")));
        Files.deleteIfExists(dir.resolve(d.getString("pdfFile")));
      }
      return null;
    });
  }

  private Future<List<SignedReport>> verified(List<Document> docs) {
    return workers.executeBlocking(() -> {
      List<SignedReport> out = new ArrayList<>();
      for (Document d : docs) out.add(verify(d));
      return out;
    }, false);
  }

  private SignedReport verify(Document d) throws IOException {
    byte[] json = readOrEmpty(d.getString("reportFile"));
    byte[] pdf = readOrEmpty(d.getString("pdfFile"));
    SignedReport r = fromDocument(d, new String(json, StandardCharsets.UTF_8));
    return r.verified(CmsSignatures.verify(json, r.reportSignature(), anchor), CmsSignatures.verify(pdf, r.pdfSignature(), anchor));
  }

  private byte[] readOrEmpty(String file) throws IOException {
    Path p = dir.resolve(file);
    return Files.exists(p) ? Files.readAllBytes(p) : new byte[0];
  }

  private Path write(String name, byte[] bytes) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".signed", ".tmp");
      Files.write(tmp, bytes);
      Path target = dir.resolve(name);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document toDocument(SignedReport r, String reportFile, String pdfFile) {
    return new Document("_id", r.id()).append("patientId", r.patientId()).append("requestId", r.requestId())
        .append("version", r.version()).append("minutesEdition", r.minutesEdition()).append("replaces", r.replaces())
        .append("signerId", r.signerId()).append("signerName", r.signerName()).append("signedAt", Date.from(r.signedAt()))
        .append("reportFile", reportFile).append("reportSignature", new Binary(r.reportSignature()))
        .append("pdfFile", pdfFile).append("pdfSha256", r.pdfSha256()).append("pdfSignature", new Binary(r.pdfSignature()))
        .append("certificateChain", r.certificateChain());
  }

  private static SignedReport fromDocument(Document d, String json) {
    return new SignedReport(d.getString("_id"), d.getString("patientId"), d.getString("requestId"), d.getInteger("version"),
        d.getInteger("minutesEdition"), d.getString("replaces"), d.getString("signerId"), d.getString("signerName"),
        d.getDate("signedAt").toInstant(), json, d.get("reportSignature", Binary.class).getData(), d.getString("pdfSha256"),
        d.get("pdfSignature", Binary.class).getData(), d.getList("certificateChain", String.class), null, null);
  }

  private MongoCollection<Document> collection() {
    return store.collection(COLLECTION);
  }
}
