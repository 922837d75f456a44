package org.consilium.emr.fhir;

import org.consilium.audit.AuditEvent;
import org.consilium.audit.AuditRecord;
import org.consilium.patients.Patient;
import org.consilium.patients.PatientDetails;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** The patient (citizen ID, insurance number and record number as identifiers) and the audit trail as AuditEvent. */
final class PatientResources {

  private PatientResources() {
  }

  static org.hl7.fhir.r4.model.Patient patient(Patient p) {
    PatientDetails d = p.details();
    org.hl7.fhir.r4.model.Patient r = new org.hl7.fhir.r4.model.Patient();
    r.setId(p.id());
    if (d.citizenId() != null) r.addIdentifier(identifier(Systems.CITIZEN_ID, d.citizenId(), "NI", "National unique individual identifier"));
    if (d.insuranceNumber() != null) {
      r.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(Systems.HEALTH_INSURANCE)
          .setValue(d.insuranceNumber()).setType(new CodeableConcept().setText("Mã số thẻ bảo hiểm y tế (health insurance number)")));
    }
    if (d.medicalRecordNumber() != null) {
      r.addIdentifier(identifier(Systems.RECORD_NUMBER + p.hospitalId(), d.medicalRecordNumber(), "MR", "Medical record number"));
    }
    r.setActive(true);
    r.addName(new HumanName().setUse(HumanName.NameUse.OFFICIAL).setText(d.fullName()));
    r.setGender(switch (d.sex()) {
      case MALE -> Enumerations.AdministrativeGender.MALE;
      case FEMALE -> Enumerations.AdministrativeGender.FEMALE;
      case OTHER -> Enumerations.AdministrativeGender.OTHER;
      case UNKNOWN -> Enumerations.AdministrativeGender.UNKNOWN;
    });
    if (d.birthDate() != null) r.setBirthDate(java.sql.Date.valueOf(d.birthDate()));
    if (d.phone() != null) r.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone()));
    if (d.address() != null) r.addAddress(new Address().setText(d.address()).setCountry("VN"));
    r.setManagingOrganization(Systems.organization(p.hospitalId()));
    return r;
  }

  static org.hl7.fhir.r4.model.AuditEvent auditEvent(AuditRecord record) {
    AuditEvent e = record.event();
    org.hl7.fhir.r4.model.AuditEvent a = new org.hl7.fhir.r4.model.AuditEvent();
    a.setId(auditId(record.event().patientId(), record.seq()));
    a.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
    a.addSubtype(new Coding(Systems.BASE + "/CodeSystem/audit-action", e.action().name(), null));
    a.setAction(switch (e.action()) {
      case CREATE -> AuditEventAction.C;
      case UPDATE, REVIEW -> AuditEventAction.U;
      case DELETE -> AuditEventAction.D;
      case READ, SEARCH -> AuditEventAction.R;
      default -> AuditEventAction.E;
    });
    a.setRecorded(Systems.date(e.at()));
    a.setOutcome(switch (e.outcome()) {
      case SUCCESS -> AuditEventOutcome._0;
      case DENIED -> AuditEventOutcome._4;
      case FAILED -> AuditEventOutcome._8;
    });
    if (e.detail() != null) a.setOutcomeDesc(e.detail());
    org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent agent = a.addAgent().setRequestor(true);
    if (e.actorUserId() != null) agent.setWho(Systems.practitioner(e.actorUserId(), e.actorName()));
    else agent.setName(e.actorName());
    if (e.actorRole() != null) agent.addRole(new CodeableConcept().setText(e.actorRole()));
    if (e.clientAddress() != null) {
      agent.getNetwork().setAddress(e.clientAddress()).setType(org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType._2);
    }
    a.getSource().setSite("Consilium").setObserver(new Reference().setDisplay("Consilium server"));
    org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent entity = a.addEntity();
    if (e.patientId() != null) entity.setWhat(Systems.patient(e.patientId()));
    entity.setType(new Coding(Systems.BASE + "/CodeSystem/resource-type", e.resourceType(), null));
    entity.addDetail().setType("audit-chain").setValue(new org.hl7.fhir.r4.model.StringType(record.hash()));
    if (e.resourceId() != null) entity.setName(e.resourceType() + "/" + e.resourceId());
    return a;
  }

  /** The patient id first, so that a read finds whose audit trail it is. */
  static String auditId(String patientId, long seq) {
    return patientId + "-a" + seq;
  }

  private static Identifier identifier(String system, String value, String typeCode, String typeDisplay) {
    return new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(system).setValue(value)
        .setType(new CodeableConcept().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", typeCode, typeDisplay)));
  }
}
