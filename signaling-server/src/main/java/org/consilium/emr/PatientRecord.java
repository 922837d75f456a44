package org.consilium.emr;

import java.util.List;
import org.consilium.audit.AuditRecord;
import org.consilium.consultations.ConsultationRecords;
import org.consilium.findings.LesionAnalysis;
import org.consilium.imaging.StoredInstance;
import org.consilium.patients.Patient;

/**
 * Everything the electronic record holds of one patient, gathered from the capabilities that own it, ready to be
 * mapped to FHIR: the consultations (request, session, minutes), the lesion analyses and their reviews, the
 * indexed DICOM instances, the signed reports (verified) and the patient's audit trail.
 */
public record PatientRecord(Patient patient, List<ConsultationRecords.Entry> consultations, List<LesionAnalysis> analyses,
                            List<StoredInstance> instances, List<SignedReport> reports, List<AuditRecord> audit) {

  public PatientRecord {
    consultations = List.copyOf(consultations);
    analyses = List.copyOf(analyses);
    instances = List.copyOf(instances);
    reports = List.copyOf(reports);
    audit = List.copyOf(audit);
  }
}
