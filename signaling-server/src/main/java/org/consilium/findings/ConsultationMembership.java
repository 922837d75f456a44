package org.consilium.findings;

import io.vertx.core.Future;

/**
 * Where lesion review learns whether a clinician is one of the patient's consultation: the moderator, an invited
 * specialist or a requesting doctor of a session about the patient that was not cancelled.
 */
@FunctionalInterface
public interface ConsultationMembership {

  Future<Boolean> takesPart(String userId, String patientId);
}
