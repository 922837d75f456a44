package org.consilium.consultations;

/** Told after every stored change of a request, to tell the people concerned (inbox, live push). */
@FunctionalInterface
interface RequestAlerts {
  void changed(ConsultationRequest before, ConsultationRequest after);
}
