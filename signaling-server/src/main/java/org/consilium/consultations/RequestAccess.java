package org.consilium.consultations;

import org.consilium.access.Principal;
import org.consilium.access.Role;

/**
 * Who sees a request, and how much. The requesting hospital's clinicians and the answering hospital's
 * specialists see it whole; administrators see what scheduling needs without the clinical text; the
 * participants of its session see it whole. A draft stays inside the requesting hospital. Everyone else
 * learns nothing, not even that it exists.
 */
enum RequestAccess {
  NONE, SCHEDULING, CLINICAL;

  /** {@code centralCaller}: the caller works at a central hospital (for "any central hospital" requests). */
  static RequestAccess of(Principal who, ConsultationRequest r, boolean centralCaller) {
    boolean clinician = Role.CLINICAL.contains(who.role());
    if (who.hospitalId().equals(r.requesterHospitalId())) return clinician ? CLINICAL : SCHEDULING;
    if (r.participants().contains(who.userId())) return CLINICAL;
    if (r.status() == RequestStatus.DRAFT || who.has(Role.DISTRICT_DOCTOR)) return NONE;
    String answering = r.answeringHospital();
    boolean answers = answering == null ? centralCaller && r.status() == RequestStatus.SUBMITTED
        : answering.equals(who.hospitalId());
    if (!answers) return NONE;
    return clinician ? CLINICAL : SCHEDULING;
  }

  /** Accept or decline: the answering hospital's specialists and administrators. */
  static boolean mayAnswer(Principal who, ConsultationRequest r, boolean centralCaller) {
    if (who.has(Role.DISTRICT_DOCTOR) || who.hospitalId().equals(r.requesterHospitalId()) && r.targetHospitalId() == null) {
      return false;
    }
    String answering = r.answeringHospital();
    return answering == null ? centralCaller : answering.equals(who.hospitalId());
  }

  /** Cancel: the requester, or an administrator of either hospital. */
  static boolean mayCancel(Principal who, ConsultationRequest r) {
    if (who.userId().equals(r.requesterId())) return true;
    return who.has(Role.ADMINISTRATOR)
        && (who.hospitalId().equals(r.requesterHospitalId()) || who.hospitalId().equals(r.answeringHospital()));
  }
}
