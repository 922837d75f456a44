package org.consilium.emr.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.consilium.audit.AuditRecord;
import org.consilium.emr.PatientRecord;
import org.consilium.emr.SignedReport;
import org.consilium.findings.LesionAnalysis;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;

/** One patient's record as the FHIR resources we produce, each with its search values. CPU work: call on a worker. */
final class FhirRecord {

  private FhirRecord() {
  }

  static List<Indexed> resources(FhirContext fhir, PatientRecord record) {
    String patientId = record.patient().id();
    List<Indexed> out = new ArrayList<>();
    out.add(new Indexed(PatientResources.patient(record.patient()), patientId, record.patient().createdAt(), "active", List.of()));
    record.consultations().forEach(e -> ConsultationResources.add(e, out));
    FindingResources.addStudies(patientId, record.instances(), out);
    Set<Map.Entry<String, String>> models = new LinkedHashSet<>();
    for (LesionAnalysis a : record.analyses()) {
      FindingResources.addFindings(a, out);
      models.add(Map.entry(a.modelId(), a.modelVersion()));
    }
    models.forEach(m -> out.add(new Indexed(FindingResources.device(m.getKey(), m.getValue()), patientId, null, "active", List.of())));
    for (SignedReport s : record.reports()) {
      out.add(new Indexed(ReportResources.provenance(s), patientId, s.signedAt(), null, List.of()));
      DiagnosticReport d;
      try {
        d = fhir.newJsonParser().parseResource(DiagnosticReport.class, s.reportJson());
      } catch (DataFormatException e) {
        continue; // the stored report was damaged beyond parsing; its Provenance says the signature is invalid
      }
      d.setId(s.id());
      ReportResources.tag(d, s.valid());
      out.add(new Indexed(d, patientId, d.getIssued().toInstant(), d.getStatus().toCode(), List.of(ReportResources.REPORT_CATEGORY)));
    }
    for (AuditRecord r : record.audit()) {
      out.add(new Indexed(PatientResources.auditEvent(r), patientId, r.event().at(), null, List.of()));
    }
    return out;
  }

  /** Ids of the patient's kept findings (the results of a report signed now). */
  static List<String> findingIds(List<LesionAnalysis> analyses) {
    List<Indexed> out = new ArrayList<>();
    analyses.forEach(a -> FindingResources.addFindings(a, out));
    return out.stream().filter(i -> i.resource() instanceof Observation).map(Indexed::id).toList();
  }

}
