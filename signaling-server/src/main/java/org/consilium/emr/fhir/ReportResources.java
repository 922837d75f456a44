package org.consilium.emr.fhir;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.emr.SignedReport;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Signature;

/** The signed conclusion as DiagnosticReport, and the Provenance that carries its signatures. */
final class ReportResources {

  static final String REPORT_CATEGORY = "OTH";
  private static final String AUTHOR_SIGNATURE = "1.2.840.10065.1.12.1.1";

  private ReportResources() {
  }

  /**
   * The conclusion of minutes {@code edition} as report {@code version}: results are the patient's kept findings,
   * the minutes PDF its presented form (by size and SHA-1, the PDF itself is served by the API).
   */
  static DiagnosticReport report(ConsultationRecords.Entry e, JsonObject minutes, int version, List<String> observationIds,
                                 String signerId, String signerName, Instant signedAt, byte[] pdf) {
    JsonObject r = e.request();
    String requestId = r.getString("id");
    DiagnosticReport d = new DiagnosticReport();
    d.setId(SignedReport.idOf(requestId, version));
    d.addIdentifier(new Identifier().setSystem(Systems.REPORT).setValue(requestId));
    d.addBasedOn(new Reference("ServiceRequest/" + requestId));
    d.setStatus(version == 1 ? DiagnosticReport.DiagnosticReportStatus.FINAL : DiagnosticReport.DiagnosticReportStatus.AMENDED);
    d.addCategory(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", REPORT_CATEGORY, "Other")));
    d.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "11488-4", "Consult note"))
        .setText("Biên bản hội chẩn (consultation conclusion)"));
    d.setSubject(Systems.patient(r.getString("patientId")));
    d.setEncounter(new Reference("Encounter/" + requestId));
    d.setEffective(new DateTimeType(Systems.date(minutes.getString("end"))));
    d.setIssued(Systems.date(signedAt));
    d.addPerformer(Systems.practitioner(signerId, signerName));
    d.addResultsInterpreter(Systems.practitioner(signerId, signerName));
    observationIds.forEach(id -> d.addResult(new Reference("Observation/" + id)));
    for (Object o : r.getJsonArray("attachments", new io.vertx.core.json.JsonArray())) {
      JsonObject att = (JsonObject) o;
      if ("imaging_study".equals(att.getString("kind")) && att.getString("reference") != null) {
        d.addImagingStudy(new Reference("ImagingStudy/" + FindingResources.studyId(r.getString("patientId"), att.getString("reference"))));
      }
    }
    String conclusion = minutes.getString("conclusion");
    String treatment = minutes.getString("treatmentRecommendation");
    d.setConclusion(treatment == null || treatment.isBlank() ? conclusion : conclusion + "\n\nHướng điều trị / treatment: " + treatment);
    d.addPresentedForm(new Attachment().setContentType("application/pdf").setLanguage("vi").setSize(pdf.length).setHash(sha1(pdf))
        .setTitle("Biên bản hội chẩn lần " + minutes.getInteger("edition")).setCreation(Systems.date(signedAt)));
    return d;
  }

  /** Who signed what, when; the two detached CMS signatures; the version it revises; what verification found. */
  static Provenance provenance(SignedReport s) {
    Provenance p = new Provenance();
    p.setId(s.id());
    p.addTarget(new Reference("DiagnosticReport/" + s.id()));
    p.setRecorded(Systems.date(s.signedAt()));
    p.setActivity(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-DataOperation",
        s.version() == 1 ? "CREATE" : "UPDATE", s.version() == 1 ? "create" : "revise")));
    p.addAgent().setType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/provenance-participant-type",
        "author", "Author"))).setWho(Systems.practitioner(s.signerId(), s.signerName()));
    if (s.replaces() != null) {
      p.addEntity().setRole(Provenance.ProvenanceEntityRole.REVISION).setWhat(new Reference("DiagnosticReport/" + s.replaces()));
    }
    p.addSignature(signature(s, "application/fhir+json", s.reportSignature()));
    p.addSignature(signature(s, "application/pdf", s.pdfSignature()));
    tag(p, s.valid());
    return p;
  }

  /** Marks what the verification on this read found (the signed content itself is not changed by the tag). */
  static void tag(Resource r, boolean valid) {
    r.getMeta().addTag(new Coding(Systems.SIGNATURE_STATUS, valid ? "valid" : "invalid",
        valid ? "Signature verified" : "Signature does NOT verify"));
  }


  private static Signature signature(SignedReport s, String targetFormat, byte[] cms) {
    Signature sig = new Signature();
    sig.addType(new Coding("urn:iso-astm:E1762-95:2013", AUTHOR_SIGNATURE, "Author's Signature"));
    sig.setWhen(Systems.date(s.signedAt()));
    sig.setWho(Systems.practitioner(s.signerId(), s.signerName()));
    sig.setTargetFormat(targetFormat);
    sig.setSigFormat("application/pkcs7-signature");
    sig.setData(cms);
    return sig;
  }

  private static byte[] sha1(byte[] data) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
