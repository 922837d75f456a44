package org.consilium.emr.fhir;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** A resource we produce, with the values its search parameters match (patient, date, status, category). */
record Indexed(Resource resource, String patientId, Instant date, String status, List<String> categories) {

  Indexed {
    categories = List.copyOf(categories);
  }

  String type() {
    return resource.fhirType();
  }

  String id() {
    return resource.getIdElement().getIdPart();
  }
}
