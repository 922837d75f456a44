package org.consilium.emr.fhir;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.consilium.consultations.ConsultationRecords;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/** A consultation request as ServiceRequest, its session as Appointment and the virtual consultation as Encounter. */
final class ConsultationResources {

  static final String CONSULTATION_CODE = "Hội chẩn từ xa (teleconsultation)";

  private ConsultationResources() {
  }

  static void add(ConsultationRecords.Entry e, List<Indexed> out) {
    JsonObject r = e.request();
    String patientId = r.getString("patientId");
    out.add(new Indexed(serviceRequest(r), patientId, Instant.parse(r.getString("createdAt")), requestStatus(r.getString("status")).toCode(),
        List.of()));
    if (e.session() == null) return;
    Appointment a = appointment(r, e.session());
    out.add(new Indexed(a, patientId, Instant.parse(e.session().getString("start")), a.getStatus().toCode(), List.of()));
    Encounter enc = encounter(r, e.session());
    out.add(new Indexed(enc, patientId, Instant.parse(e.session().getString("start")), enc.getStatus().toCode(), List.of("VR")));
  }

  static ServiceRequest serviceRequest(JsonObject r) {
    ServiceRequest s = new ServiceRequest();
    s.setId(r.getString("id"));
    s.addIdentifier(new Identifier().setSystem(Systems.CONSULTATION).setValue(r.getString("id")));
    s.setStatus(requestStatus(r.getString("status")));
    s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    s.setPriority(switch (r.getString("urgency")) {
      case "emergency" -> ServiceRequest.ServiceRequestPriority.STAT;
      case "urgent" -> ServiceRequest.ServiceRequestPriority.URGENT;
      default -> ServiceRequest.ServiceRequestPriority.ROUTINE;
    });
    s.setCode(new CodeableConcept().setText(CONSULTATION_CODE));
    if (r.getString("specialty") != null) s.addCategory(new CodeableConcept().setText(r.getString("specialty")));
    s.setSubject(Systems.patient(r.getString("patientId")));
    s.setAuthoredOn(Systems.date(r.getString("createdAt")));
    s.setRequester(Systems.practitioner(r.getString("requesterId"), null));
    String answering = r.getString("answeringHospitalId");
    if (answering != null) s.addPerformer(Systems.organization(answering));
    if (r.getString("reason") != null) s.addReasonCode(new CodeableConcept().setText(r.getString("reason")));
    if (r.getString("clinicalSummary") != null) s.addNote(new Annotation().setText(r.getString("clinicalSummary")));
    if (r.getString("question") != null) s.addNote(new Annotation().setText("Câu hỏi / question: " + r.getString("question")));
    for (Object o : r.getJsonArray("attachments", new JsonArray())) {
      JsonObject att = (JsonObject) o;
      if ("imaging_study".equals(att.getString("kind")) && att.getString("reference") != null) {
        s.addSupportingInfo(new Reference("ImagingStudy/" + FindingResources.studyId(r.getString("patientId"), att.getString("reference"))));
      }
    }
    return s;
  }

  static Appointment appointment(JsonObject r, JsonObject session) {
    Appointment a = new Appointment();
    a.setId(r.getString("id"));
    a.addIdentifier(new Identifier().setSystem(Systems.SESSION).setValue(session.getString("id")));
    a.setStatus(switch (session.getString("status")) {
      case "open" -> Appointment.AppointmentStatus.ARRIVED;
      case "concluded" -> Appointment.AppointmentStatus.FULFILLED;
      case "cancelled" -> Appointment.AppointmentStatus.CANCELLED;
      default -> Appointment.AppointmentStatus.BOOKED;
    });
    a.addServiceType(new CodeableConcept().setText(CONSULTATION_CODE));
    a.setDescription(session.getString("place"));
    a.setStart(Systems.date(session.getString("start")));
    a.setEnd(Systems.date(session.getString("end")));
    a.setCreated(Systems.date(session.getString("createdAt")));
    a.addBasedOn(new Reference("ServiceRequest/" + r.getString("id")));
    a.addParticipant().setActor(Systems.patient(r.getString("patientId"))).setStatus(Appointment.ParticipationStatus.ACCEPTED);
    for (Object id : session.getJsonArray("participants", new JsonArray())) {
      Appointment.AppointmentParticipantComponent p = a.addParticipant().setActor(Systems.practitioner((String) id, null))
          .setStatus(Appointment.ParticipationStatus.ACCEPTED);
      if (id.equals(session.getString("moderatorId"))) p.addType(new CodeableConcept().addCoding(participation("PPRF", "primary performer")));
    }
    return a;
  }

  static Encounter encounter(JsonObject r, JsonObject session) {
    Encounter e = new Encounter();
    e.setId(r.getString("id"));
    e.addIdentifier(new Identifier().setSystem(Systems.SESSION).setValue(session.getString("id")));
    e.setStatus(switch (session.getString("status")) {
      case "open" -> Encounter.EncounterStatus.INPROGRESS;
      case "concluded" -> Encounter.EncounterStatus.FINISHED;
      case "cancelled" -> Encounter.EncounterStatus.CANCELLED;
      default -> Encounter.EncounterStatus.PLANNED;
    });
    e.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"));
    e.addType(new CodeableConcept().setText(CONSULTATION_CODE));
    e.setSubject(Systems.patient(r.getString("patientId")));
    e.addBasedOn(new Reference("ServiceRequest/" + r.getString("id")));
    e.addAppointment(new Reference("Appointment/" + r.getString("id")));
    String started = session.getString("openedAt") != null ? session.getString("openedAt") : session.getString("start");
    Period period = new Period().setStart(Systems.date(started));
    if ("concluded".equals(session.getString("status"))) period.setEnd(Systems.date(session.getString("updatedAt")));
    e.setPeriod(period);
    for (Object id : session.getJsonArray("participants", new JsonArray())) {
      Encounter.EncounterParticipantComponent p = e.addParticipant().setIndividual(Systems.practitioner((String) id, null));
      if (id.equals(session.getString("moderatorId"))) p.addType(new CodeableConcept().addCoding(participation("PPRF", "primary performer")));
    }
    if (r.getString("answeringHospitalId") != null) e.setServiceProvider(Systems.organization(r.getString("answeringHospitalId")));
    return e;
  }

  static ServiceRequest.ServiceRequestStatus requestStatus(String wire) {
    return switch (wire) {
      case "draft" -> ServiceRequest.ServiceRequestStatus.DRAFT;
      case "concluded", "signed" -> ServiceRequest.ServiceRequestStatus.COMPLETED;
      case "declined", "cancelled" -> ServiceRequest.ServiceRequestStatus.REVOKED;
      default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
    };
  }

  private static Coding participation(String code, String display) {
    return new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code, display);
  }
}
