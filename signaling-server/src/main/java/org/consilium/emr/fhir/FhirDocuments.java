package org.consilium.emr.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.emr.PatientRecord;
import org.consilium.emr.SignedReport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Resource;

/**
 * What the rest of the EMR asks of FHIR, without seeing HAPI: the canonical JSON of a report to sign, the
 * transaction Bundle of a signed report for delivery, and validation. All CPU-heavy work runs on the
 * {@code fhir} worker executor.
 */
public final class FhirDocuments {

  private final FhirContext fhir;
  private final WorkerExecutor workers;
  private final FhirValidation validation;
  private final String baseUrl;

  public FhirDocuments(Vertx vertx, int workerThreads, String baseUrl) {
    this.fhir = FhirContext.forR4Cached();
    this.workers = vertx.createSharedWorkerExecutor("fhir", workerThreads);
    this.validation = new FhirValidation(fhir);
    this.baseUrl = baseUrl;
  }

  FhirContext context() {
    return fhir;
  }

  String baseUrl() {
    return baseUrl;
  }

  <T> Future<T> onWorker(java.util.concurrent.Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  /**
   * The DiagnosticReport of minutes {@code edition}, as canonical JSON (HAPI's compact encoding, element order fixed by
   * the specification): the exact bytes that are signed and stored.
   */
  public Future<String> reportToSign(PatientRecord record, ConsultationRecords.Entry entry, JsonObject minutes, int version,
                                     String signerId, String signerName, Instant signedAt, byte[] pdf) {
    return onWorker(() -> {
      DiagnosticReport d = ReportResources.report(entry, minutes, version, FhirRecord.findingIds(record.analyses()), signerId,
          signerName, signedAt, pdf);
      return compact().encodeResourceToString(d);
    });
  }

  /**
   * The transaction Bundle of one signed report: every resource of the patient's record that the report rests on,
   * each as a PUT to its stable id (re-delivery overwrites, never duplicates); the audit trail stays here. Validated
   * against R4 before it leaves.
   */
  public Future<String> transaction(PatientRecord record, SignedReport report) {
    return onWorker(() -> {
      Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      b.getIdentifier().setSystem(Systems.REPORT).setValue(report.id());
      b.setTimestamp(Systems.date(report.signedAt()));
      for (Indexed i : FhirRecord.resources(fhir, record)) {
        if (i.resource() instanceof org.hl7.fhir.r4.model.AuditEvent) continue;
        Resource r = i.resource();
        Bundle.BundleEntryComponent e = b.addEntry().setFullUrl(baseUrl + "/" + i.type() + "/" + i.id()).setResource(r);
        e.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(i.type() + "/" + i.id());
      }
      String json = compact().encodeResourceToString(b);
      List<String> errors = validation.errors(json);
      if (!errors.isEmpty()) throw new IllegalStateException("the report bundle is not valid FHIR R4: " + String.join("; ", errors));
      return json;
    });
  }

  /** Validation errors (none: valid R4) of a resource in JSON or XML. */
  public Future<List<String>> validate(String resource) {
    return onWorker(() -> validation.errors(resource));
  }

  IParser compact() {
    return fhir.newJsonParser().setPrettyPrint(false);
  }
}
